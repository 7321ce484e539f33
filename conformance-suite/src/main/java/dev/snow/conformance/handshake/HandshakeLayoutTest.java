package dev.snow.conformance.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Event;
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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The bytes of every frame the IUT sends during a handshake, their order, and what it reports,
 * in both roles. The tester's parser already rejects any malformed frame; these tests also
 * check each layout field by field against docs/PROTOCOL.md.
 */
@ConformanceTest
class HandshakeLayoutTest {
    private static final Duration QUIET = Duration.ofMillis(300);

    @Test
    @Requirement({"FRAME-1", "HS-1", "HS-2", "HS-4", "HS-8", "AUTH-1", "STATUS-1", "STATUS-2"})
    void asAcceptor(Iut iut, Tester t) {
        PeerConnection c = t.dial(iut);
        c.expectSilence(QUIET, "HS-1: the acceptor sends nothing before it has received NAME");
        String name = t.name("layout-a");
        c.send(Frames.name(name, 11));

        Incoming.Frame status = c.expectFrame(WireFrame.StatusChallenge.class, t.timeouts().event());
        byte[] own = iut.name().getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.wrap(status.raw());
        assertThat(Integer.toUnsignedLong(b.getInt())).as("FRAME-1: STATUS_CHALLENGE len = 32 + n + 9").isEqualTo(32 + own.length + 9);
        assertThat(b.get()).as("FRAME-1: tag of STATUS_CHALLENGE").isEqualTo((byte) 2);
        assertThat(b.get()).as("STATUS-1: status of a new peer is ok (0)").isEqualTo((byte) 0);
        assertThat(b.getInt()).as("STATUS-2: challenge_len with ok").isEqualTo(32);
        b.position(b.position() + 32);
        assertThat(Short.toUnsignedInt(b.getShort())).as("HS-2: name_len of the acceptor's own name").isEqualTo(own.length);
        byte[] sentName = new byte[own.length];
        b.get(sentName);
        assertThat(sentName).as("HS-2: the acceptor's own name").isEqualTo(own);
        assertThat(Byte.toUnsignedInt(b.get())).as("HS-2: the acceptor's creation").isEqualTo(iut.creation());
        c.expectSilence(Duration.ofMillis(150), "HS-2: exactly one STATUS_CHALLENGE");

        byte[] challenge = ((WireFrame.StatusChallenge) status.frame()).challenge();
        byte[] mine = t.challenge();
        c.send(Frames.reply(HmacSha256.digest(iut.cookie(), challenge), mine));
        Incoming.Frame ack = c.expectFrame(WireFrame.ChallengeAck.class, t.timeouts().event());
        ByteBuffer a = ByteBuffer.wrap(ack.raw());
        assertThat(a.getInt()).as("FRAME-1: CHALLENGE_ACK len").isEqualTo(37);
        assertThat(a.get()).as("FRAME-1: tag of CHALLENGE_ACK").isEqualTo((byte) 4);
        assertThat(a.getInt()).as("AUTH-2: digest_len").isEqualTo(32);
        Handshakes.checkDigest("HS-4/AUTH-1: CHALLENGE_ACK digest", iut.cookie(), mine, ((WireFrame.ChallengeAck) ack.frame()).digest());

        Event up = iut.awaitNodeUp(name);
        Handshakes.checkNodeUp(up, name, 11, "incoming");
        checkNodeIdIsTheSessions(iut, up);
        iut.expectNone(up.index() + 1, "a second node_up for " + name, e -> e.is("node_up") && name.equals(e.node()), QUIET);
        c.expectSilence(Duration.ofMillis(100), "HS-4: nothing but PING/PONG after CHALLENGE_ACK");
    }

    @Test
    @Requirement({"FRAME-1", "HS-1", "HS-3", "HS-5", "HS-8", "AUTH-1", "AUTH-2"})
    void asInitiator(Iut iut, Tester t) {
        TesterListener l = t.listen();
        String name = t.name("layout-i", l.port());
        iut.connect(name, l.hostPort());
        PeerConnection c = Handshakes.acceptConnection(t, l);

        Incoming.Frame nameFrame = Handshakes.expectNameFrame(c, iut);
        byte[] own = iut.name().getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.wrap(nameFrame.raw());
        assertThat(b.getInt()).as("FRAME-1: NAME len = n + 4").isEqualTo(own.length + 4);
        assertThat(b.get()).as("FRAME-1: tag of NAME").isEqualTo((byte) 1);
        WireFrame.Name n = (WireFrame.Name) nameFrame.frame();
        assertThat(n.name()).as("HS-1: NAME carries the initiator's own name").isEqualTo(iut.name());
        assertThat(n.creation()).as("HS-1: NAME carries the initiator's creation").isEqualTo(iut.creation());
        c.expectSilence(Duration.ofMillis(150), "HS-1: the initiator sends NAME, then waits for STATUS_CHALLENGE");

        byte[] challenge = t.challenge();
        int mark = iut.mark(); // before STATUS: an initiator established at REPLY reports node_up before we read it
        c.send(Frames.status(StatusCode.OK, challenge, name, 13));
        Incoming.Frame reply = c.expectFrame(WireFrame.ChallengeReply.class, t.timeouts().event());
        ByteBuffer r = ByteBuffer.wrap(reply.raw());
        assertThat(r.getInt()).as("FRAME-1: CHALLENGE_REPLY len").isEqualTo(73);
        assertThat(r.get()).as("FRAME-1: tag of CHALLENGE_REPLY").isEqualTo((byte) 3);
        assertThat(r.getInt()).as("AUTH-2: digest_len").isEqualTo(32);
        WireFrame.ChallengeReply rf = (WireFrame.ChallengeReply) reply.frame();
        Handshakes.checkDigest("HS-3/AUTH-1: CHALLENGE_REPLY digest", iut.cookie(), challenge, rf.digest());
        assertThat(rf.challenge()).as("HS-3: the initiator's own challenge, not ours").isNotEqualTo(challenge);

        iut.expectNone(mark, "node_up before CHALLENGE_ACK (HS-5)", e -> e.is("node_up") && name.equals(e.node()), QUIET);
        c.send(Frames.ack(HmacSha256.digest(iut.cookie(), rf.challenge())));
        Event up = iut.await(mark, "node_up for " + name, e -> e.is("node_up") && name.equals(e.node()), t.timeouts().event());
        Handshakes.checkNodeUp(up, name, 13, "outgoing");
        checkNodeIdIsTheSessions(iut, up);
        iut.expectNone(up.index() + 1, "a second node_up for " + name, e -> e.is("node_up") && name.equals(e.node()), QUIET);
    }

    /** node_up carries the node_id the session holds: the one `sessions` lists for it (HS-8). */
    private static void checkNodeIdIsTheSessions(Iut iut, Event up) {
        java.util.List<com.fasterxml.jackson.databind.JsonNode> sessions = iut.sessionsWith(up.node());
        assertThat(sessions).as("CONN-3: one session for " + up.node()).hasSize(1);
        int held = sessions.get(0).path("node_id").asInt(-1);
        if (held != up.nodeId()) {
            throw new AssertionError("HS-8: node_up for " + up.node() + " carries node_id " + up.nodeId()
                    + " but its session holds node_id " + held + " (sessions)");
        }
    }

    @Test
    @Requirement({"HS-3", "STATUS-1"})
    void initiatorTreatsOkSimultaneousAndAliveAsOk(Iut iut, Tester t) {
        for (StatusCode status : new StatusCode[] {StatusCode.OK_SIMULTANEOUS, StatusCode.ALIVE}) {
            TesterListener l = t.listen();
            String name = t.name("status-" + status.wireName().replace('_', '-'), l.port());
            iut.connect(name, l.hostPort());
            PeerConnection c = Handshakes.acceptConnection(t, l);
            Handshakes.expectName(c, iut);
            byte[] challenge = t.challenge();
            int mark = iut.mark();
            c.send(Frames.status(status, challenge, name, 9));
            Incoming i = c.next(t.timeouts().event());
            if (!(i instanceof Incoming.Frame f && f.frame() instanceof WireFrame.ChallengeReply)) {
                throw new AssertionError("STATUS-1: code " + status.code + " is " + status.wireName()
                        + ", on which the initiator goes on with CHALLENGE_REPLY, but it "
                        + (i == null ? "sent nothing within " + t.timeouts().event().toMillis() + " ms"
                        : i instanceof Incoming.Frame f ? "sent " + f.frame().describe() : "closed the connection"));
            }
            WireFrame.ChallengeReply r = (WireFrame.ChallengeReply) ((Incoming.Frame) i).frame();
            Handshakes.checkDigest("HS-3/AUTH-1: CHALLENGE_REPLY digest after " + status.wireName(), iut.cookie(), challenge, r.digest());
            c.send(Frames.ack(HmacSha256.digest(iut.cookie(), r.challenge())));
            Event up = iut.await(mark, "node_up for " + name, e -> e.is("node_up") && name.equals(e.node()), t.timeouts().event());
            Handshakes.checkNodeUp(up, name, 9, "outgoing");
            c.close();
        }
    }
}
