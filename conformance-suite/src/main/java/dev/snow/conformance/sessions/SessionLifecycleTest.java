package dev.snow.conformance.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.conformance.harness.AdapterContract;
import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Event;
import dev.snow.conformance.harness.FreshIut;
import dev.snow.conformance.harness.Handshakes;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.Outcomes;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.Tester;
import dev.snow.conformance.peer.PeerConnection;
import dev.snow.conformance.peer.TesterListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How sessions end (disconnect, peer close, stop) and that a name has at most one. */
@ConformanceTest
class SessionLifecycleTest {

    @Test
    @Requirement({"CONN-1"})
    void disconnectEndsTheSessionInBothRoles(Iut iut, Tester t) {
        for (Handshakes.Session s : List.of(Handshakes.initiate(t, iut, t.name("disc-in"), 3), Handshakes.accept(t, iut, "disc-out"))) {
            int mark = iut.mark();
            iut.disconnect(s.name());
            List<Event> downs = iut.events().matching(mark, e -> e.is("node_down") && s.name().equals(e.node()));
            assertThat(downs).as("CONN-1: node_down reported before the disconnect reply (docs/ADAPTER.md)").hasSize(1);
            assertThat(downs.get(0).reason()).as("CONN-1: node_down reason").isEqualTo("disconnect");
            assertThat(downs.get(0).nodeId()).isEqualTo(s.nodeId());
            s.conn().expectClosed(t.timeouts().close(), "CONN-1: disconnect closes the connection");
            assertThat(iut.sessionsWith(s.name())).isEmpty();
        }
    }

    @Test
    @Requirement({"CONN-1"})
    void disconnectAbandonsAPendingAttempt(Iut iut, Tester t) {
        TesterListener l = t.listen();
        String name = t.name("disc-attempt", l.port());
        iut.connect(name, l.hostPort());
        PeerConnection c = Handshakes.acceptConnection(t, l);
        Handshakes.expectName(c, iut);
        iut.disconnect(name);
        c.expectClosed(t.timeouts().close(), "CONN-1: disconnect abandons the attempt");
        Outcomes.failedWith(iut, name, 0, "io", "CONN-1: an attempt abandoned by disconnect");
    }

    @Test
    @AdapterContract
    void disconnectOfANodeWithNothingIsRefused(Iut iut, Tester t) {
        try {
            iut.disconnect(t.name("nobody"));
            throw new AssertionError("docs/ADAPTER.md: disconnect of a node with no session and no attempt must be refused");
        } catch (dev.snow.conformance.harness.AdapterErrorReply e) {
            assertThat(e.code()).as("docs/ADAPTER.md: error code").isEqualTo("not_connected");
        }
    }

    @Test
    @Requirement({"CONN-2", "ID-4"})
    void aPeerCloseIsReportedAsClosedInBothRoles(Iut iut, Tester t) {
        for (Handshakes.Session s : List.of(Handshakes.initiate(t, iut, t.name("close-in"), 3), Handshakes.accept(t, iut, "close-out"))) {
            int mark = iut.mark();
            s.conn().close();
            Event down = iut.await(mark, "node_down for " + s.name(), e -> e.is("node_down") && s.name().equals(e.node()), t.timeouts().event());
            assertThat(down.reason()).as("CONN-2: node_down reason when the peer closes").isEqualTo("closed");
            assertThat(down.nodeId()).as("CONN-2: node_down carries the session's id").isEqualTo(s.nodeId());
            assertThat(iut.sessionsWith(s.name())).as("CONN-2: the session is gone").isEmpty();
        }
    }

    @Test
    @Requirement({"CONN-3"})
    void aNameHasAtMostOneSessionOrAttempt(Iut iut, Tester t) {
        Handshakes.Session s = Handshakes.accept(t, iut, "one-session");
        assertThat(refusal(iut, s.name(), "127.0.0.1:" + s.conn().socket().getLocalPort())).as("CONN-3: connect to a connected node")
                .isEqualTo("already_connected");
        TesterListener l = t.listen();
        String name = t.name("one-attempt", l.port());
        iut.connect(name, l.hostPort());
        PeerConnection c = Handshakes.acceptConnection(t, l);
        Handshakes.expectName(c, iut);
        assertThat(refusal(iut, name, l.hostPort())).as("CONN-3: connect to a node with an attempt in progress").isEqualTo("already_connecting");
        assertThat(l.acceptWithin(Duration.ofMillis(200))).as("CONN-3: no second connection").isNull();
        assertThat(iut.sessionsWith(s.name())).hasSize(1);
    }

    /** The error code of a connect the IUT must refuse; a connect it starts fails as CONN-3. */
    private static String refusal(Iut iut, String node, String hostPort) {
        try {
            return iut.connectRefused(node, hostPort);
        } catch (AssertionError e) {
            throw new AssertionError("CONN-3: " + e.getMessage() + " (a second session or attempt for one name)", e);
        }
    }

    @Test
    @FreshIut
    @Requirement({"CONN-1"})
    void anOrderlyStopEndsEverySession(Iut iut, Tester t) throws InterruptedException {
        Handshakes.Session a = Handshakes.initiate(t, iut, t.name("stop-in"), 3);
        Handshakes.Session b = Handshakes.accept(t, iut, "stop-out");
        int mark = iut.mark();
        iut.stop();
        for (Handshakes.Session s : List.of(a, b)) {
            List<Event> downs = iut.events().matching(mark, e -> e.is("node_down") && s.name().equals(e.node()));
            assertThat(downs).as("CONN-1: node_down for " + s.name() + " before the stop reply").hasSize(1);
            assertThat(downs.get(0).reason()).as("CONN-1: node_down reason on stop").isEqualTo("disconnect");
            s.conn().expectClosed(t.timeouts().close(), "CONN-1: stop closes every session");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (iut.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(iut.isAlive()).as("docs/ADAPTER.md: the adapter exits within 5 s of stop").isFalse();
        assertThat(iut.adapter().exitStatus()).as("docs/ADAPTER.md: exit status after stop").isEqualTo(0);
    }
}
