package dev.snow.conformance.peer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Big-endian byte writer that writes whatever it is told, valid or not: the tester must be able
 * to send wrong lengths, truncated fields and bad UTF-8. Fluent; {@link #toByteArray()} at the end.
 */
public final class WireWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

    public static WireWriter create() {
        return new WireWriter();
    }

    public WireWriter u8(int v) {
        out.write(v & 0xff);
        return this;
    }

    public WireWriter u16(int v) {
        return u8(v >>> 8).u8(v);
    }

    public WireWriter u32(long v) {
        return u8((int) (v >>> 24)).u8((int) (v >>> 16)).u8((int) (v >>> 8)).u8((int) v);
    }

    public WireWriter bytes(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    /** {@code u16 len} then the UTF-8 bytes of {@code s}. */
    public WireWriter name(String s) {
        return name(s.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code u16 len} then {@code raw} as given (may be invalid UTF-8). */
    public WireWriter name(byte[] raw) {
        return u16(raw.length).bytes(raw);
    }

    public int size() {
        return out.size();
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
