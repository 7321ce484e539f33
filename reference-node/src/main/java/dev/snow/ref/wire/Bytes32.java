package dev.snow.ref.wire;

import java.util.Arrays;
import java.util.HexFormat;

/** An immutable 32-byte value: a challenge or a digest. */
public final class Bytes32 {
    private final byte[] bytes;

    private Bytes32(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Copies {@code bytes}, which must be exactly 32 bytes long. */
    public static Bytes32 of(byte[] bytes) {
        if (bytes.length != Limits.CHALLENGE_LENGTH) {
            throw new IllegalArgumentException("expected 32 bytes, got " + bytes.length);
        }
        return new Bytes32(bytes.clone());
    }

    public static Bytes32 fromHex(String hex) {
        return of(HexFormat.of().parseHex(hex));
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** Bytes 0..31 in order, for writers that must not copy. */
    public byte get(int index) {
        return bytes[index];
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes32 other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
