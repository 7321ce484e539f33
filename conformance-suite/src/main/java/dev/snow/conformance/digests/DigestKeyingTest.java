package dev.snow.conformance.digests;

import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.FreshIut;
import dev.snow.conformance.harness.Handshakes;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.Tester;
import org.junit.jupiter.api.Test;

/**
 * The HMAC key is the cookie's UTF-8 bytes, taken as they are: a cookie with non-ASCII
 * characters, longer than the SHA-256 block (so HMAC hashes the key first), in both roles.
 * The verdict comes from {@link Handshakes}: each handshake fails the test when the IUT's digest
 * is not the HMAC under that key, a status is not ok or node_up does not arrive.
 */
@ConformanceTest
@FreshIut(cookie = DigestKeyingTest.COOKIE)
class DigestKeyingTest {
    static final String COOKIE = "snöw-cøøkie-✓-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @Test
    @Requirement({"AUTH-1"})
    void aNonAsciiCookieLongerThanTheBlockKeysBothDigests(Iut iut, Tester t) {
        Handshakes.initiate(t, iut, t.name("utf8-key-in"), 3);
        Handshakes.accept(t, iut, "utf8-key-out");
        t.note("AUTH-1: cookie of " + COOKIE.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + " UTF-8 bytes ("
                + COOKIE.length() + " characters)");
    }
}
