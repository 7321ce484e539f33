package dev.snow.conformance.digests;

import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Event;
import dev.snow.conformance.harness.FreshIut;
import dev.snow.conformance.harness.Handshakes;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.Tester;
import dev.snow.conformance.peer.Frames;
import dev.snow.conformance.peer.HmacSha256;
import dev.snow.conformance.peer.Incoming;
import dev.snow.conformance.peer.PeerConnection;
import dev.snow.conformance.peer.StatusCode;
import dev.snow.conformance.peer.TesterListener;
import dev.snow.conformance.peer.WireFrame;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The HMAC key is the cookie's UTF-8 bytes, taken as they are: a cookie with non-ASCII
 * characters, longer than the SHA-256 block (so HMAC hashes the key first), in both roles. Each
 * role is judged on its own, failing as AUTH-1: the digest the IUT sends must be the HMAC under
 * that key, and the IUT must accept the tester's digest under that key (a refusal of a right
 * digest is a keying fault here, since the rest of the handshake is checked elsewhere).
 */
@ConformanceTest
@FreshIut(cookie = DigestKeyingTest.COOKIE)
class DigestKeyingTest {
    static final String COOKIE = "snöw-cøøkie-✓-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final String KEY = "the cookie's " + COOKIE.getBytes(StandardCharsets.UTF_8).length + " UTF-8 bytes ("
            + COOKIE.length() + " characters)";

    @Test
    @Requirement({"AUTH-1"})
    void aNonAsciiCookieLongerThanTheBlockKeysTheAcceptorsDigests(Iut iut, Tester t) {
        String name = t.name("utf8-key-in");
        PeerConnection c = t.dial(iut);
        WireFrame.StatusChallenge st = Handshakes.sendName(c, iut, name, 3);
        byte[] mine = t.challenge();
        int mark = iut.mark();
        c.send(Frames.reply(HmacSha256.digest(COOKIE, st.challenge()), mine));
        WireFrame.ChallengeAck ack = expect(c, iut, WireFrame.ChallengeAck.class,
                "AUTH-1: the IUT as acceptor did not accept a CHALLENGE_REPLY keyed with " + KEY);
        Handshakes.checkDigest("AUTH-1: the acceptor's CHALLENGE_ACK digest, keyed with " + KEY + ",", COOKIE, mine, ack.digest());
        iut.await(mark, "node_up for " + name, e -> e.is("node_up") && name.equals(e.node()), t.timeouts().event());
    }

    @Test
    @Requirement({"AUTH-1"})
    void aNonAsciiCookieLongerThanTheBlockKeysTheInitiatorsDigests(Iut iut, Tester t) {
        TesterListener l = t.listen();
        String name = t.name("utf8-key-out", l.port());
        iut.connect(name, l.hostPort());
        PeerConnection c = Handshakes.acceptConnection(t, l);
        Handshakes.expectName(c, iut);
        byte[] challenge = t.challenge();
        c.send(Frames.status(StatusCode.OK, challenge, name, 7));
        WireFrame.ChallengeReply r = c.expect(WireFrame.ChallengeReply.class, t.timeouts().event());
        Handshakes.checkDigest("AUTH-1: the initiator's CHALLENGE_REPLY digest, keyed with " + KEY + ",", COOKIE, challenge, r.digest());
        int mark = iut.mark();
        c.send(Frames.ack(HmacSha256.digest(COOKIE, r.challenge())));
        Event up = iut.await(mark, "node_up or handshake_failed for " + name,
                e -> (e.is("node_up") && name.equals(e.node())) || (e.is("handshake_failed") && name.equals(e.peer())),
                t.timeouts().event());
        if (!up.is("node_up")) {
            throw new AssertionError("AUTH-1: the IUT as initiator did not accept a CHALLENGE_ACK keyed with " + KEY + ": " + up);
        }
    }

    /** The next frame, a {@code type}; anything else fails as {@code failure}. */
    private static <T extends WireFrame> T expect(PeerConnection c, Iut iut, Class<T> type, String failure) {
        Incoming i = c.next(iut.timeouts().event());
        if (i instanceof Incoming.Frame f && type.isInstance(f.frame())) {
            return type.cast(f.frame());
        }
        throw new AssertionError(failure + ": it " + (i == null ? "sent nothing" : i instanceof Incoming.Frame f
                ? "sent " + f.frame().describe() : "closed the connection (" + i + ")"));
    }
}
