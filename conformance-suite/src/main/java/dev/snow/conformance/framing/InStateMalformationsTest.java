package dev.snow.conformance.framing;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Handshakes;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.Outcomes;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.Tester;
import dev.snow.conformance.harness.Vectors;
import dev.snow.conformance.peer.Frames;
import dev.snow.conformance.peer.PeerConnection;
import dev.snow.conformance.peer.StatusCode;
import dev.snow.conformance.peer.TesterListener;
import dev.snow.conformance.peer.WireFrame;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The malformed CHALLENGE_REPLY and CHALLENGE_ACK vectors, each sent in the one state that
 * expects that frame: REPLY to an acceptor that answered our NAME, ACK to an initiator that sent
 * its REPLY. Sent as a first frame (MalformedInputTest) they are out of order anyway, so a
 * decoder that trusted digest_len or ignored trailing bytes there would still close for FRAME-7;
 * here only the payload check itself can refuse them.
 * <pre>
 *  acceptor:  tester NAME -&gt; IUT STATUS ok -&gt; tester malformed REPLY -&gt; IUT closes, sends nothing
 *  initiator: IUT NAME -&gt; tester STATUS ok -&gt; IUT REPLY -&gt; tester malformed ACK -&gt; IUT closes
 * </pre>
 */
@ConformanceTest
class InStateMalformationsTest {
    private static final int TAG_REPLY = 3;
    private static final int TAG_ACK = 4;

    @TestFactory
    @Requirement({"AUTH-2", "FRAME-5", "FRAME-6", "FRAME-8"})
    Stream<DynamicTest> malformedReplyToAnAcceptorAwaitingIt(Iut iut, Tester t) {
        return Vectors.invalid().stream().filter(v -> tag(v) == TAG_REPLY)
                .map(v -> dynamicTest(v.slug() + " [" + v.rule() + ", FRAME-8] " + v.name() + ", in AWAIT_REPLY", () -> {
                    String name = t.name("in-state-reply");
                    PeerConnection c = t.dial(iut);
                    Handshakes.sendName(c, iut, name, 3);
                    c.send(v.bytes());
                    Outcomes.closedSilently(c, iut, name, "protocol_error", v.rule() + " (in AWAIT_REPLY, then FRAME-8)");
                }));
    }

    @TestFactory
    @Requirement({"AUTH-2", "FRAME-5", "FRAME-6", "FRAME-8"})
    Stream<DynamicTest> malformedAckToAnInitiatorAwaitingIt(Iut iut, Tester t) {
        return Vectors.invalid().stream().filter(v -> tag(v) == TAG_ACK)
                .map(v -> dynamicTest(v.slug() + " [" + v.rule() + ", FRAME-8] " + v.name() + ", in AWAIT_ACK", () -> {
                    TesterListener l = t.listen();
                    String name = t.name("in-state-ack", l.port());
                    iut.connect(name, l.hostPort());
                    PeerConnection c = Handshakes.acceptConnection(t, l);
                    Handshakes.expectName(c, iut);
                    c.send(Frames.status(StatusCode.OK, t.challenge(), name, 3));
                    c.expect(WireFrame.ChallengeReply.class, t.timeouts().event());
                    c.send(v.bytes());
                    Outcomes.closedSilently(c, iut, name, "protocol_error", v.rule() + " (in AWAIT_ACK, then FRAME-8)");
                }));
    }

    /** The tag byte of a vector, or -1 when it has none. */
    private static int tag(Vectors.Invalid v) {
        return v.bytes().length > 4 ? v.bytes()[4] & 0xff : -1;
    }
}
