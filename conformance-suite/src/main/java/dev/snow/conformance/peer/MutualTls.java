package dev.snow.conformance.peer;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The tester's TLS for the hardened profile (HARD-2): one context, with a fresh self-signed
 * ECDSA P-256 certificate of its own, that presents it as client and as server and trusts any
 * peer certificate (trust comes from the cookie). Each call makes a new identity, so a
 * man-in-the-middle and an honest tester node have different certificates, as they would.
 */
public final class MutualTls {
    private MutualTls() {
    }

    public static SSLContext newIdentity() {
        try {
            Instant now = Instant.now();
            KeyManager[] identity = SelfSigned.identity("CN=snow-conformance-hardened", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(2)));
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(identity, new TrustManager[] {new TrustAnything()}, new SecureRandom());
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the tester's mutual-TLS context: " + e, e);
        }
    }
}
