package dev.snow.conformance.peer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * HMAC-SHA256 (RFC 2104) written out over SHA-256, so the tester's digests depend on no HMAC
 * code shared with an implementation under test (AUTH-1):
 * <pre>
 *   K0   = key longer than 64 bytes ? SHA-256(key) : key, zero-padded to 64 bytes
 *   HMAC = SHA-256((K0 xor 0x5c..) || SHA-256((K0 xor 0x36..) || message))
 * </pre>
 * Checked against RFC 4231 in the unit tests.
 */
public final class HmacSha256 {
    private static final int BLOCK = 64;

    private HmacSha256() {
    }

    /** The Snow digest: HMAC keyed with the cookie's UTF-8 bytes over the challenge. */
    public static byte[] digest(String cookie, byte[] challenge) {
        return mac(cookie.getBytes(StandardCharsets.UTF_8), challenge);
    }

    public static byte[] mac(byte[] key, byte[] message) {
        byte[] k0 = Arrays.copyOf(key.length > BLOCK ? sha256(key) : key, BLOCK);
        byte[] inner = new byte[BLOCK];
        byte[] outer = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            inner[i] = (byte) (k0[i] ^ 0x36);
            outer[i] = (byte) (k0[i] ^ 0x5c);
        }
        MessageDigest sha = newSha256();
        sha.update(inner);
        sha.update(message);
        byte[] innerHash = sha.digest();
        sha.update(outer);
        sha.update(innerHash);
        return sha.digest();
    }

    private static byte[] sha256(byte[] b) {
        return newSha256().digest(b);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
