package dev.snow.ref.handshake;

import dev.snow.ref.wire.Bytes32;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 keyed with the cookie's UTF-8 bytes (AUTH-1). One instance per node; not
 * thread-safe (the protocol core is single-threaded). {@link #toString()} never shows the cookie
 * (AUTH-7).
 */
public final class CookieMac {
    private final Mac mac;

    public CookieMac(String cookie) {
        byte[] key = cookie.getBytes(StandardCharsets.UTF_8);
        // RFC 2104 pads short keys with zeros, so an empty key equals a single zero byte;
        // SecretKeySpec refuses empty keys.
        if (key.length == 0) {
            key = new byte[1];
        }
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** HMAC(cookie, challenge). */
    public Bytes32 digest(Bytes32 challenge) {
        return Bytes32.of(mac.doFinal(challenge.toByteArray()));
    }

    /** HMAC(cookie, input): the hardened profile's digests (HARD-4). */
    public Bytes32 digest(byte[] input) {
        return Bytes32.of(mac.doFinal(input));
    }

    @Override
    public String toString() {
        return "CookieMac[HmacSHA256, cookie redacted]";
    }
}
