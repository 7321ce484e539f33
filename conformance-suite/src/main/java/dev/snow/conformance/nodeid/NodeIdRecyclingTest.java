package dev.snow.conformance.nodeid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Event;
import dev.snow.conformance.harness.FreshIut;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * node_id recycling on one node with max_node_id = 4. The first test needs the node's allocator
 * untouched and runs first; the others only need a small id space and close what they open.
 */
@ConformanceTest
@FreshIut(maxNodeId = 4)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeIdRecyclingTest {

    /**
     * Never-used ids first (1, 2, then 3, 4 even after 1 is freed), then freed ids FIFO, then the
     * example table of docs/PROTOCOL.md (ID-5) continued: exhaustion and a freed id handed out again.
     */
    @Test
    @Order(1)
    @Requirement({"ID-1", "ID-2", "ID-3", "ID-4", "ID-5", "NAME-5"})
    void neverUsedIdsFirstThenFreedIdsInFifoOrder(Iut iut, Tester t) {
        Handshakes.Session n1 = up(iut, t, "n1", 1, FRESH);
        Handshakes.Session n2 = up(iut, t, "n2", 2, FRESH);
        down(iut, t, n1, 1);
        up(iut, t, "n3", 3, FRESH);
        Handshakes.Session n4 = up(iut, t, "n4", 4, FRESH);
        Handshakes.Session n5 = up(iut, t, "n5", 1, FIFO);
        down(iut, t, n2, 2);
        down(iut, t, n4, 4);
        up(iut, t, "p5", 2, FIFO);
        up(iut, t, "p6", 4, FIFO);
        String p7 = t.name("p7");
        PeerConnection c = t.dial(iut);
        c.send(Frames.name(p7, 3));
        Outcomes.refusedWithStatus(c, iut, p7, StatusCode.NOT_ALLOWED, "not_allowed", "ID-5: no node_id free");
        down(iut, t, n5, 1);
        Handshakes.Session retry = Handshakes.initiate(t, iut, p7, 3);
        assertThat(retry.nodeId()).as("ID-5: the id freed by node_down goes to the retry").isEqualTo(1);
    }

    @Test
    @Order(2)
    @Requirement({"ID-5"})
    void anInitiatorWithoutAFreeIdDoesNotDial(Iut iut, Tester t) {
        List<Handshakes.Session> all = new ArrayList<>();
        while (iut.sessions().size() < 4) {
            all.add(Handshakes.initiate(t, iut, t.name("fill"), 3));
        }
        TesterListener l = t.listen();
        String name = t.name("no-id", l.port());
        try {
            iut.connect(name, l.hostPort());
        } catch (dev.snow.conformance.harness.AdapterErrorReply e) {
            // docs/PROTOCOL.md (Events) calls this connect accepted; the protocol rule is the event and no dial
            t.note("ID-5: connect with no node_id free was answered with error " + e.code() + " (docs/PROTOCOL.md calls it accepted; judged on the event)");
        }
        Outcomes.failedWith(iut, name, 0, "not_allowed", "ID-5: connect with no node_id free");
        assertThat(l.acceptWithin(Duration.ofMillis(300))).as("ID-5: an initiator with no free node_id does not dial").isNull();
        Handshakes.Session first = all.get(0);
        down(iut, t, first, first.nodeId());
        Handshakes.Session s = Handshakes.accept(t, iut, "id-back");
        assertThat(s.nodeId()).as("ID-5: the freed id is handed out again").isEqualTo(first.nodeId());
    }

    /** The last id taken by another peer while a handshake was under way ends that handshake, in both roles. */
    @Test
    @Order(3)
    @Requirement({"ID-5", "HS-6"})
    void theLastIdTakenDuringAHandshakeEndsIt(Iut iut, Tester t) {
        List<Handshakes.Session> opened = new ArrayList<>();
        while (iut.sessions().size() < 3) {
            opened.add(Handshakes.initiate(t, iut, t.name("three"), 3));
        }
        String slow = t.name("slow");
        PeerConnection cSlow = t.dial(iut);
        WireFrame.StatusChallenge st = Handshakes.sendName(cSlow, iut, slow, 3);
        assertThat(st.status()).isEqualTo(StatusCode.OK);
        Handshakes.Session fast = Handshakes.initiate(t, iut, t.name("fast"), 3);
        cSlow.send(Frames.reply(HmacSha256.digest(iut.cookie(), st.challenge()), t.challenge()));
        Outcomes.closedSilently(cSlow, iut, slow, "not_allowed", "ID-5: the acceptor's last id was taken between NAME and REPLY");

        down(iut, t, fast, fast.nodeId());
        TesterListener l = t.listen();
        String out = t.name("slow-out", l.port());
        iut.connect(out, l.hostPort());
        PeerConnection c = Handshakes.acceptConnection(t, l);
        Handshakes.expectName(c, iut);
        c.send(Frames.status(StatusCode.OK, t.challenge(), out, 3));
        WireFrame.ChallengeReply r = c.expect(WireFrame.ChallengeReply.class, t.timeouts().event());
        Handshakes.Session taker = Handshakes.initiate(t, iut, t.name("taker"), 3);
        int mark = iut.mark();
        c.send(Frames.ack(HmacSha256.digest(iut.cookie(), r.challenge())));
        c.expectClosed(t.timeouts().close(), "ID-5: the initiator whose last id was taken closes after verifying ACK");
        Outcomes.failedWith(iut, out, 0, "not_allowed", "ID-5");
        iut.expectNone(mark, "node_up for " + out, e -> e.is("node_up") && out.equals(e.node()), Duration.ZERO);
        down(iut, t, taker, taker.nodeId());
        for (Handshakes.Session s : opened) {
            down(iut, t, s, s.nodeId());
        }
    }

    @Test
    @Order(4)
    @Requirement({"ID-1", "ID-4"})
    void idsAreNeverHeldByTwoLiveSessions(Iut iut, Tester t) {
        long seed = t.run().seed();
        Random rnd = new Random(seed);
        Map<Integer, Handshakes.Session> live = new HashMap<>();
        int others = iut.sessions().size();
        for (int step = 0; step < 24; step++) {
            boolean open = live.isEmpty() || (live.size() + others < 4 && rnd.nextBoolean());
            if (open) {
                Handshakes.Session s = rnd.nextBoolean() ? Handshakes.initiate(t, iut, t.name("churn"), 3) : Handshakes.accept(t, iut, "churn");
                assertThat(s.nodeId()).as("ID-1: ids within 1..max_node_id (step " + step + ", seed " + seed + ")").isBetween(1, 4);
                assertThat(live).as("ID-4: id " + s.nodeId() + " handed out while held by a live session (step " + step + ", seed " + seed + ")")
                        .doesNotContainKey(s.nodeId());
                live.put(s.nodeId(), s);
            } else {
                List<Integer> ids = new ArrayList<>(live.keySet());
                int id = ids.get(rnd.nextInt(ids.size()));
                down(iut, t, live.remove(id), id);
            }
            assertThat(iut.sessions()).as("sessions after step " + step).hasSize(live.size() + others);
        }
    }

    private static final String FRESH = "ID-2: never-used ids are handed out first, in increasing order";
    private static final String FIFO = "ID-3: once every id has been used, freed ids come least-recently-freed first";

    /** A session for {@code prefix} that must get {@code expectedId} by {@code rule}. */
    private Handshakes.Session up(Iut iut, Tester t, String prefix, int expectedId, String rule) {
        Handshakes.Session s;
        try {
            s = Handshakes.initiate(t, iut, t.name(prefix), 3);
        } catch (AssertionError e) {
            throw new AssertionError(rule + " (" + prefix + " should get node_id " + expectedId + "): " + e.getMessage(), e);
        }
        assertThat(s.nodeId()).as(rule + " (node_id of " + prefix + ")").isEqualTo(expectedId);
        return s;
    }

    private static void down(Iut iut, Tester t, Handshakes.Session s, int id) {
        int mark = iut.mark();
        s.conn().close();
        Event down = iut.await(mark, "node_down for " + s.name(), e -> e.is("node_down") && s.name().equals(e.node()), t.timeouts().event());
        assertThat(down.nodeId()).as("ID-4: node_down carries the session's id").isEqualTo(id);
        assertThat(down.reason()).as("CONN-2: the peer closed").isEqualTo("closed");
    }
}
