package dev.snow.conformance.framing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Handshakes;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.Tester;
import dev.snow.conformance.peer.Frames;
import dev.snow.conformance.peer.HmacSha256;
import dev.snow.conformance.peer.PeerConnection;
import dev.snow.conformance.peer.StatusCode;
import dev.snow.conformance.peer.TesterListener;
import dev.snow.conformance.peer.WireFrame;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The IUT decodes the same frames whatever the split: one byte per TLS record, or several frames in one. */
@ConformanceTest
class SplitStreamTest {
    private static final Duration GAP = Duration.ofMillis(2);

    @Test
    @Requirement({"FRAME-10"})
    void acceptorReadsFramesOneByteAtATimeAndSeveralAtOnce(Iut iut, Tester t) {
        String name = t.name("split-a");
        PeerConnection c = t.dial(iut);
        c.sendInPieces(Frames.name(name, 3), 1, GAP);
        WireFrame.StatusChallenge st = c.expect(WireFrame.StatusChallenge.class, t.timeouts().event());
        byte[] mine = t.challenge();
        byte[] payload = t.randomBytes(8);
        c.send(Frames.concat(Frames.reply(HmacSha256.digest(iut.cookie(), st.challenge()), mine), Frames.ping(payload)));
        c.expect(WireFrame.ChallengeAck.class, t.timeouts().event());
        assertThat(c.expect(WireFrame.Pong.class, t.timeouts().event()).payload()).as("FRAME-10: PING sent with REPLY in one record").isEqualTo(payload);
        byte[] p2 = t.randomBytes(8);
        byte[] ping = Frames.ping(p2);
        c.send(java.util.Arrays.copyOf(ping, 2));
        pause(Duration.ofMillis(50));
        c.send(java.util.Arrays.copyOfRange(ping, 2, ping.length));
        assertThat(c.expect(WireFrame.Pong.class, t.timeouts().event()).payload()).as("FRAME-10: PING split inside its length prefix").isEqualTo(p2);
    }

    @Test
    @Requirement({"FRAME-10"})
    void initiatorReadsFramesOneByteAtATimeAndSeveralAtOnce(Iut iut, Tester t) {
        TesterListener l = t.listen();
        String name = t.name("split-i", l.port());
        iut.connect(name, l.hostPort());
        PeerConnection c = Handshakes.acceptConnection(t, l);
        Handshakes.expectName(c, iut);
        byte[] ch = t.challenge();
        c.sendInPieces(Frames.status(StatusCode.OK, ch, name, 3), 1, GAP);
        WireFrame.ChallengeReply r = c.expect(WireFrame.ChallengeReply.class, t.timeouts().event());
        byte[] payload = t.randomBytes(8);
        c.send(Frames.concat(Frames.ack(HmacSha256.digest(iut.cookie(), r.challenge())), Frames.ping(payload)));
        assertThat(c.expect(WireFrame.Pong.class, t.timeouts().event()).payload()).as("FRAME-10: PING sent with ACK in one record").isEqualTo(payload);
        iut.awaitNodeUp(name);
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
