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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The malformation table. Every invalid frame of docs/vectors/frames.json is sent to the IUT as
 * acceptor (first frame) and as initiator (in place of STATUS_CHALLENGE): each must end in a
 * close with nothing sent and handshake_failed protocol_error, and the IUT must then complete
 * a good handshake (LIM-4). The semantic vectors check the handshake's own refusals.
 * Case ids are the vectors' names in lower case (expectations files use them).
 */
@ConformanceTest
class MalformedInputTest {

    @TestFactory
    @Requirement({"FRAME-2", "FRAME-3", "FRAME-4", "FRAME-5", "FRAME-6", "FRAME-8", "FRAME-9", "FRAME-11",
        "STATUS-4", "STATUS-2", "STATUS-3", "AUTH-2", "LIM-4"})
    Stream<DynamicTest> invalidFrameToAcceptor(Iut iut, Tester t) {
        return Vectors.invalid().stream().map(v -> dynamicTest(v.slug() + " [" + v.rule() + ", FRAME-8, LIM-4] " + v.name(), () -> {
            PeerConnection c = t.dial(iut);
            c.send(v.bytes());
            Outcomes.closedSilently(c, iut, null, "protocol_error", v.rule() + " (then FRAME-8)");
            Outcomes.stillUp(t, iut);
        }));
    }

    @TestFactory
    @Requirement({"FRAME-2", "FRAME-3", "FRAME-4", "FRAME-5", "FRAME-6", "FRAME-8", "FRAME-9", "FRAME-11",
        "STATUS-4", "STATUS-2", "STATUS-3", "AUTH-2"})
    Stream<DynamicTest> invalidFrameToInitiator(Iut iut, Tester t) {
        return Vectors.invalid().stream().map(v -> dynamicTest(v.slug() + " [" + v.rule() + ", FRAME-8] " + v.name(), () -> {
            TesterListener l = t.listen();
            // the IUT dials the name a STATUS_CHALLENGE vector carries, so that no NAME-7 abort can
            // hide a lax STATUS-2/3/4 check; other vectors carry no name
            String carried = statusName(v.bytes());
            String name = carried != null && carried.matches("[A-Za-z0-9_-]+@[A-Za-z0-9.:-]+") ? carried : t.name("malformed", l.port());
            iut.connect(name, l.hostPort());
            PeerConnection c = Handshakes.acceptConnection(t, l);
            Handshakes.expectName(c, iut);
            c.send(v.bytes());
            Outcomes.closedSilently(c, iut, name, "protocol_error", v.rule() + " (then FRAME-8)");
        }));
    }

    /** NAME vectors the acceptor refuses with not_allowed, other frames it refuses as protocol errors. */
    @TestFactory
    @Requirement({"NAME-1", "NAME-2", "NAME-5", "HS-7", "FRAME-7", "STATUS-3"})
    Stream<DynamicTest> semanticFrameToAcceptor(Iut iut, Tester t) {
        List<DynamicTest> cases = new ArrayList<>();
        for (Vectors.Semantic v : Vectors.semantic()) {
            if (v.rule().equals("NAME-5")) {
                continue; // the vector's own name is beta@127.0.0.1:9102; ownName() below uses the IUT's
            }
            boolean refuse = v.acceptor().equals("not_allowed");
            String rule = v.type().equals("NAME") ? v.rule() : "FRAME-7";
            cases.add(dynamicTest(v.slug() + " [" + rule + (refuse ? ", STATUS-3" : ", FRAME-8") + "] " + v.name(), () -> {
                PeerConnection c = t.dial(iut);
                c.send(v.bytes());
                String claimed = claimedName(v.bytes());
                if (refuse) {
                    Outcomes.refusedWithStatus(c, iut, claimed, StatusCode.NOT_ALLOWED, "not_allowed", rule);
                } else {
                    Outcomes.closedSilently(c, iut, claimed, "protocol_error", rule);
                }
            }));
        }
        cases.add(dynamicTest("own-name [NAME-5, STATUS-3] NAME carrying the acceptor's own name", () -> {
            PeerConnection c = t.dial(iut);
            c.send(Frames.name(iut.name(), 4));
            Outcomes.refusedWithStatus(c, iut, iut.name(), StatusCode.NOT_ALLOWED, "not_allowed", "NAME-5");
        }));
        return cases.stream();
    }

    /** Every semantic vector makes an initiator that dialled beta@127.0.0.1:9102 abort. */
    @TestFactory
    @Requirement({"NAME-7", "NAME-4", "HS-7", "FRAME-7", "FRAME-8"})
    Stream<DynamicTest> semanticFrameToInitiator(Iut iut, Tester t) {
        return Vectors.semantic().stream().map(v -> {
            String rule = v.type().equals("STATUS_CHALLENGE") ? v.rule() : "FRAME-7";
            return dynamicTest(v.slug() + " [" + rule + ", FRAME-8] " + v.name(), () -> {
                TesterListener l = t.listen();
                iut.connect(Vectors.CONTEXT_ACCEPTOR, l.hostPort());
                PeerConnection c = Handshakes.acceptConnection(t, l);
                Handshakes.expectName(c, iut);
                c.send(v.bytes());
                Outcomes.closedSilently(c, iut, Vectors.CONTEXT_ACCEPTOR, "protocol_error", rule);
            });
        });
    }

    /** Well-formed frames the state does not expect, mid-handshake, in both roles. */
    @TestFactory
    @Requirement({"FRAME-7", "FRAME-8"})
    Stream<DynamicTest> frameOutOfState(Iut iut, Tester t) {
        List<DynamicTest> cases = new ArrayList<>();
        byte[][] toAcceptor = {
            Frames.name("second-name@127.0.0.1", 3),
            Frames.status(StatusCode.OK, new byte[32], "x@127.0.0.1", 3),
            Frames.ack(new byte[32]),
            Frames.ping(new byte[8]),
            Frames.pong(new byte[8])};
        String[] acceptorCases = {"second-name", "status", "ack", "ping", "pong"};
        for (int i = 0; i < toAcceptor.length; i++) {
            byte[] frame = toAcceptor[i];
            cases.add(dynamicTest("await-reply-" + acceptorCases[i] + " [FRAME-7, FRAME-8] acceptor awaiting CHALLENGE_REPLY gets "
                    + acceptorCases[i], () -> {
                String name = t.name("out-of-state");
                PeerConnection c = t.dial(iut);
                Handshakes.sendName(c, iut, name, 3);
                c.send(frame);
                Outcomes.closedSilently(c, iut, name, "protocol_error", "FRAME-7");
            }));
        }
        String[] initiatorCases = {"second-status", "name", "reply", "ping", "pong"};
        for (String which : initiatorCases) {
            cases.add(dynamicTest("await-ack-" + which + " [FRAME-7, FRAME-8] initiator awaiting CHALLENGE_ACK gets " + which, () -> {
                TesterListener l = t.listen();
                String name = t.name("out-of-state", l.port());
                iut.connect(name, l.hostPort());
                PeerConnection c = Handshakes.acceptConnection(t, l);
                Handshakes.expectName(c, iut);
                c.send(Frames.status(StatusCode.OK, t.challenge(), name, 3));
                c.expect(WireFrame.ChallengeReply.class, t.timeouts().event());
                c.send(initiatorFrame(which, name, t));
                Outcomes.closedSilently(c, iut, name, "protocol_error", "FRAME-7");
            }));
        }
        return cases.stream();
    }

    private static byte[] initiatorFrame(String which, String name, Tester t) {
        switch (which) {
            case "second-status":
                return Frames.status(StatusCode.OK, t.challenge(), name, 3);
            case "name":
                return Frames.name(name, 3);
            case "reply":
                return Frames.reply(t.randomBytes(32), t.challenge());
            case "ping":
                return Frames.ping(t.randomBytes(8));
            default:
                return Frames.pong(t.randomBytes(8));
        }
    }

    /** The name a STATUS_CHALLENGE frame carries after its declared challenge, if it is there whole; else null. */
    static String statusName(byte[] frame) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(frame);
        if (frame.length < 10 || frame[4] != 2) {
            return null;
        }
        long challengeLen = Integer.toUnsignedLong(b.getInt(6));
        long at = 10 + challengeLen;
        if (at + 2 > frame.length) {
            return null;
        }
        int n = Short.toUnsignedInt(b.getShort((int) at));
        return at + 2 + n <= frame.length ? new String(frame, (int) at + 2, n, java.nio.charset.StandardCharsets.UTF_8) : null;
    }

    /** The name a NAME frame carries, if its bytes are UTF-8 (for matching the IUT's event); else null. */
    static String claimedName(byte[] frame) {
        if (frame.length < 7 || frame[4] != 1) {
            return null;
        }
        int n = ((frame[5] & 0xff) << 8) | (frame[6] & 0xff);
        return n + 7 <= frame.length ? new String(frame, 7, n, java.nio.charset.StandardCharsets.UTF_8) : null;
    }
}
