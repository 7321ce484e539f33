package dev.snow.conformance.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Event;
import dev.snow.conformance.harness.Handshakes;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.Outcomes;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.Tester;
import dev.snow.conformance.peer.Frames;
import dev.snow.conformance.peer.PeerConnection;
import dev.snow.conformance.peer.StatusCode;
import dev.snow.conformance.peer.WireFrame;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A second connection from a connected name goes through alive: the old session is torn down
 * (replaced) only after the new initiator has proven the cookie, never before.
 */
@ConformanceTest
class ReplacementTest {

    @Test
    @Requirement({"STATUS-6", "ID-8", "ID-4", "CONN-3", "STATUS-1"})
    void reconnectWithANewCreationReplacesTheSessionThroughAlive(Iut iut, Tester t) {
        String name = t.name("restarted");
        Handshakes.Session old = Handshakes.initiate(t, iut, name, 1);

        PeerConnection c = t.dial(iut);
        WireFrame.StatusChallenge st = Handshakes.sendName(c, iut, name, 2);
        assertThat(st.status()).as("ID-8: a NAME from a connected name with a new creation (a restarted peer) is answered alive")
                .isEqualTo(StatusCode.ALIVE);
        int beforeReply = iut.mark();
        pingPong(old.conn(), t, "STATUS-6: the old session keeps running until the new peer is authenticated");
        iut.expectNone(beforeReply, "node_down for " + name + " before the new digest was verified",
                e -> e.is("node_down") && name.equals(e.node()), Duration.ofMillis(100));

        Handshakes.Session fresh = Handshakes.finishAsInitiator(t, iut, c, name, 2, st);
        Event down = iut.await(beforeReply, "node_down replaced for the old session", e -> e.is("node_down") && name.equals(e.node()),
                t.timeouts().event());
        assertThat(down.reason()).as("STATUS-6: node_down reason of the replaced session").isEqualTo("replaced");
        assertThat(down.nodeId()).as("node_down carries the old session's node_id").isEqualTo(old.nodeId());
        assertThat(down.index()).as("node_down replaced comes before node_up of the new session").isLessThan(fresh.nodeUp().index());
        assertThat(fresh.nodeUp().creation()).as("ID-8: the new session carries the new creation").isEqualTo(2);
        old.conn().expectClosed(t.timeouts().close(), "STATUS-6: the replaced session's connection is closed");
        List<JsonNode> sessions = iut.sessionsWith(name);
        assertThat(sessions).as("CONN-3: one session per peer name").hasSize(1);
        assertThat(sessions.get(0).path("creation").asInt()).isEqualTo(2);
        assertThat(sessions.get(0).path("node_id").asInt()).isEqualTo(fresh.nodeId());
    }

    @Test
    @Requirement({"STATUS-6", "HS-6", "AUTH-6"})
    void aClaimWithAWrongDigestLeavesTheSessionAlone(Iut iut, Tester t) {
        String name = t.name("hijack-target");
        Handshakes.Session victim = Handshakes.initiate(t, iut, name, 4);
        int mark = iut.mark();

        PeerConnection impostor = t.dial(iut);
        WireFrame.StatusChallenge st = Handshakes.sendName(impostor, iut, name, 5);
        assertThat(st.status()).isEqualTo(StatusCode.ALIVE);
        impostor.send(Frames.reply(t.randomBytes(32), t.challenge()));
        Outcomes.closedSilently(impostor, iut, name, "cookie_mismatch", "AUTH-6");

        pingPong(victim.conn(), t, "STATUS-6: a NAME that merely claims a connected name cannot disturb its session");
        iut.expectNone(mark, "node_down for the session a wrong digest claimed", e -> e.is("node_down") && name.equals(e.node()),
                Duration.ofMillis(100));
        List<JsonNode> sessions = iut.sessionsWith(name);
        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0).path("node_id").asInt()).as("HS-6: the session keeps its node_id").isEqualTo(victim.nodeId());
        assertThat(sessions.get(0).path("creation").asInt()).as("HS-6: the session keeps its creation").isEqualTo(4);
    }

    @Test
    @Requirement({"STATUS-6", "HS-6"})
    void aClaimThatGoesAwayAfterAliveLeavesTheSessionAlone(Iut iut, Tester t) {
        String name = t.name("abandoned-claim");
        Handshakes.Session victim = Handshakes.initiate(t, iut, name, 8);
        int mark = iut.mark();
        PeerConnection impostor = t.dial(iut);
        assertThat(Handshakes.sendName(impostor, iut, name, 9).status()).isEqualTo(StatusCode.ALIVE);
        impostor.close();
        Outcomes.failedWith(iut, name, impostor.localPort(), "io", "PROTOCOL.md Events: peer closed before establishment");
        pingPong(victim.conn(), t, "STATUS-6: the old session is untouched when the new handshake fails");
        iut.expectNone(mark, "node_down for " + name, e -> e.is("node_down") && name.equals(e.node()), Duration.ofMillis(100));
    }

    static void pingPong(PeerConnection c, Tester t, String rule) {
        byte[] payload = t.randomBytes(8);
        c.send(Frames.ping(payload));
        WireFrame.Pong pong;
        try {
            pong = c.expect(WireFrame.Pong.class, t.timeouts().event());
        } catch (AssertionError e) {
            throw new AssertionError(rule + ": " + e.getMessage(), e);
        }
        assertThat(pong.payload()).as(rule).isEqualTo(payload);
    }
}
