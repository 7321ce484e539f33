package dev.snow.conformance.digests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Handshakes;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.Outcomes;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.Tester;
import dev.snow.conformance.peer.Frames;
import dev.snow.conformance.peer.HmacSha256;
import dev.snow.conformance.peer.PeerConnection;
import dev.snow.conformance.peer.StatusCode;
import dev.snow.conformance.peer.TesterListener;
import dev.snow.conformance.peer.WireFrame;
import java.time.Duration;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Wrong digests, both directions: the verifier closes without sending anything further, reports
 * cookie_mismatch, reports no node_up and consumes no node_id (the next good session gets the
 * next never-used id, ID-2).
 */
@ConformanceTest
class CookieMismatchTest {

    @Test
    @Requirement({"AUTH-6", "HS-6", "ID-4"})
    void wrongReplyDigest(Iut iut, Tester t) {
        acceptorRefuses(iut, t, "random-digest", (st, own) -> t.randomBytes(32));
    }

    @Test
    @Requirement({"AUTH-6", "AUTH-1"})
    void replyDigestMadeWithAnotherCookie(Iut iut, Tester t) {
        acceptorRefuses(iut, t, "other-cookie", (st, own) -> HmacSha256.digest(iut.cookie() + "x", st.challenge()));
    }

    @Test
    @Requirement({"AUTH-6", "AUTH-1"})
    void replyDigestOfTheWrongChallenge(Iut iut, Tester t) {
        acceptorRefuses(iut, t, "wrong-challenge", (st, own) -> HmacSha256.digest(iut.cookie(), own));
    }

    @Test
    @Requirement({"AUTH-6"})
    void replyDigestWrongInItsLastBitOnly(Iut iut, Tester t) {
        acceptorRefuses(iut, t, "last-bit", (st, own) -> {
            byte[] d = HmacSha256.digest(iut.cookie(), st.challenge());
            d[31] ^= 1;
            return d;
        });
    }

    @Test
    @Requirement({"AUTH-6", "HS-6", "ID-4"})
    void wrongAckDigest(Iut iut, Tester t) {
        initiatorRefuses(iut, t, "random-ack", (reply, ours) -> t.randomBytes(32));
    }

    @Test
    @Requirement({"AUTH-6", "AUTH-1"})
    void ackDigestOfTheWrongChallenge(Iut iut, Tester t) {
        initiatorRefuses(iut, t, "echoed-ack", (reply, ours) -> HmacSha256.digest(iut.cookie(), ours));
    }

    @Test
    @Requirement({"AUTH-6"})
    void ackDigestWrongInItsFirstBitOnly(Iut iut, Tester t) {
        initiatorRefuses(iut, t, "first-bit-ack", (reply, ours) -> {
            byte[] d = HmacSha256.digest(iut.cookie(), reply.challenge());
            d[0] ^= (byte) 0x80;
            return d;
        });
    }

    @Test
    @Requirement({"AUTH-5"})
    void reflectedChallengeIsRefusedBeforeTheDigest(Iut iut, Tester t) {
        int before = Outcomes.stillUp(t, iut).nodeId();
        String name = t.name("reflector");
        PeerConnection c = t.dial(iut);
        WireFrame.StatusChallenge st = Handshakes.sendName(c, iut, name, 3);
        c.send(Frames.reply(HmacSha256.digest(iut.cookie(), st.challenge()), st.challenge()));
        Outcomes.closedSilently(c, iut, name, "protocol_error", "AUTH-5");
        assertThat(Outcomes.stillUp(t, iut).nodeId()).as("no node_id consumed by the refused handshake").isEqualTo(before + 1);
    }

    /** The tester initiates and sends {@code digest} in CHALLENGE_REPLY. */
    private static void acceptorRefuses(Iut iut, Tester t, String prefix, BiFunction<WireFrame.StatusChallenge, byte[], byte[]> digest) {
        int before = Outcomes.stillUp(t, iut).nodeId();
        String name = t.name(prefix);
        PeerConnection c = t.dial(iut);
        WireFrame.StatusChallenge st = Handshakes.sendName(c, iut, name, 3);
        byte[] own = t.challenge();
        int mark = iut.mark();
        c.send(Frames.reply(digest.apply(st, own), own));
        Outcomes.closedSilently(c, iut, name, "cookie_mismatch", "AUTH-6");
        iut.expectNone(mark, "node_up after a wrong digest", e -> e.is("node_up") && name.equals(e.node()), Duration.ZERO);
        assertThat(Outcomes.stillUp(t, iut).nodeId()).as("AUTH-6: no node_id consumed by the refused handshake (ID-2: next never-used id)")
                .isEqualTo(before + 1);
    }

    /** The IUT initiates; the tester answers ok and sends {@code digest} in CHALLENGE_ACK. */
    private static void initiatorRefuses(Iut iut, Tester t, String prefix, BiFunction<WireFrame.ChallengeReply, byte[], byte[]> digest) {
        int before = Handshakes.accept(t, iut, "id-probe").nodeId();
        TesterListener l = t.listen();
        String name = t.name(prefix, l.port());
        iut.connect(name, l.hostPort());
        PeerConnection c = Handshakes.acceptConnection(t, l);
        Handshakes.expectName(c, iut);
        byte[] ours = t.challenge();
        c.send(Frames.status(StatusCode.OK, ours, name, 3));
        WireFrame.ChallengeReply reply = c.expect(WireFrame.ChallengeReply.class, t.timeouts().event());
        int mark = iut.mark();
        c.send(Frames.ack(digest.apply(reply, ours)));
        c.expectClosed(t.timeouts().close(), "AUTH-6: the initiator closes on a wrong CHALLENGE_ACK digest");
        Outcomes.failedWith(iut, name, 0, "cookie_mismatch", "AUTH-6");
        iut.expectNone(mark, "node_up after a wrong digest", e -> e.is("node_up") && name.equals(e.node()), Duration.ZERO);
        assertThat(iut.sessionsWith(name)).as("AUTH-6: no session after a wrong ACK digest").isEmpty();
        assertThat(Handshakes.accept(t, iut, "id-probe").nodeId()).as("AUTH-6: no node_id consumed (ID-2: next never-used id)")
                .isEqualTo(before + 1);
    }
}
