package dev.snow.ref.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.ref.node.NodeEvent.NodeDown;
import dev.snow.ref.node.NodeEvent.NodeUp;
import dev.snow.ref.session.DownReason;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * HB-1..HB-3 over real TLS: heartbeats keep a quiet session up, and a peer that stops answering
 * (a relay that silently swallows everything) is detected within interval + timeout.
 */
class HeartbeatTest {
    private static final Duration INTERVAL = Duration.ofMillis(200);
    private static final Duration TIMEOUT = Duration.ofMillis(100);
    /** Scheduling slack on a shared 2-core machine; the protocol window itself is interval+timeout. */
    private static final Duration TOLERANCE = Duration.ofMillis(500);

    private final TestNodes nodes = new TestNodes();
    private final EventLog aLog = new EventLog();
    private final EventLog bLog = new EventLog();
    private TcpRelay relay;

    @AfterEach
    void stop() throws InterruptedException {
        nodes.close();
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void a_silent_peer_is_declared_dead_within_interval_plus_timeout_on_both_sides() throws Exception {
        SnowNode a = nodes.start("a", "cookie", aLog, b -> b.heartbeatInterval(INTERVAL).heartbeatTimeout(TIMEOUT));
        SnowNode b = nodes.start("b", "cookie", bLog, x -> x.heartbeatInterval(INTERVAL).heartbeatTimeout(TIMEOUT));
        relay = new TcpRelay(TestNodes.addressOf(b));
        a.connect(b.name(), relay.address()).join();
        aLog.await(NodeUp.class, 0, TestNodes.WAIT);
        bLog.await(NodeUp.class, 0, TestNodes.WAIT);

        // a few heartbeat rounds pass through the relay and the session stays up (HB-2, HB-5)
        long afterHandshake = relay.forwarded();
        Await.until("three PING/PONG rounds each way through the relay", TestNodes.WAIT,
                () -> relay.forwarded() - afterHandshake >= 3 * 4 * 30);
        assertThat(aLog.all(NodeDown.class)).isEmpty();
        assertThat(bLog.all(NodeDown.class)).isEmpty();

        long heldAt = System.nanoTime();
        relay.hold();

        long window = INTERVAL.plus(TIMEOUT).plus(TOLERANCE).toNanos();
        for (EventLog log : new EventLog[] {aLog, bLog}) {
            EventLog.Entry down = log.awaitEntry(NodeDown.class, d -> true, 0, TestNodes.WAIT);
            assertThat(((NodeDown) down.event()).reason()).isEqualTo(DownReason.HEARTBEAT_TIMEOUT);
            long elapsed = down.at() - heldAt;
            assertThat(elapsed).as("detection delay (ns) after the peer fell silent")
                    .isBetween(TIMEOUT.toNanos() / 2, window);
        }
        assertThat(a.sessions().join()).isEmpty();
        assertThat(b.sessions().join()).isEmpty();
    }
}
