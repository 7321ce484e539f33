package dev.snow.ref.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.ref.handshake.FailReason;
import dev.snow.ref.node.NodeEvent.HandshakeFailed;
import dev.snow.ref.node.NodeEvent.NodeUp;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * LIM-2 / LIM-3 (OTP's ssl_dist_SUITE dist_port_overload): a crowd of peers stalled inside TLS
 * and peers that sent half a NAME do not stop a good peer from connecting; the node holds at
 * most max_pending_handshakes of them, evicting the oldest, and closes every one it evicts.
 */
class StalledPeersTest {
    private static final int MAX_PENDING = 8;
    private static final int STALLED_IN_TLS = 40;
    private static final int HALF_NAMES = 12;

    @Test
    void a_good_peer_connects_through_a_crowd_of_stalled_ones() throws IOException {
        List<Socket> crowd = new ArrayList<>();
        try (TestNodes nodes = new TestNodes()) {
            EventLog nodeLog = new EventLog();
            EventLog goodLog = new EventLog();
            SnowNode node = nodes.start("node", "cookie", nodeLog,
                    b -> b.maxPendingHandshakes(MAX_PENDING).handshakeTimeout(Duration.ofSeconds(30)));
            SnowNode good = nodes.start("good", "cookie", goodLog);
            HostPort at = TestNodes.addressOf(node);
            for (int i = 0; i < STALLED_IN_TLS; i++) {
                crowd.add(RawClient.plain(at));
            }
            for (int i = 0; i < HALF_NAMES; i++) {
                SSLSocket s = RawClient.tls13(at);
                s.getOutputStream().write(new byte[] {0, 0, 0, 20, 1, 0});
                s.getOutputStream().flush();
                crowd.add(s);
            }
            Await.until("the node evicted all but " + MAX_PENDING + " stalled connections", TestNodes.WAIT,
                    () -> node.inspect(c -> c.pendingIncomingCount()).join() <= MAX_PENDING
                            && nodeLog.all(HandshakeFailed.class).size() >= STALLED_IN_TLS + HALF_NAMES - MAX_PENDING,
                    () -> "pending=" + node.inspect(c -> c.pendingIncomingCount()).join()
                            + " failures=" + nodeLog.all(HandshakeFailed.class).size());

            TestNodes.connect(good, node);

            assertThat(goodLog.await(NodeUp.class, 0, TestNodes.WAIT).node()).isEqualTo(node.name());
            assertThat(nodeLog.all(HandshakeFailed.class)).extracting(HandshakeFailed::reason)
                    .containsOnly(FailReason.NOT_ALLOWED);
            assertThat(nodeLog.all(HandshakeFailed.class)).allSatisfy(f -> assertThat(f.detail()).contains("LIM-2"));
            // every evicted connection was really closed: its client sees the end of the stream
            for (Socket s : crowd.subList(0, STALLED_IN_TLS + HALF_NAMES - MAX_PENDING)) {
                assertThat(RawClient.closedByPeerWithin(s, Duration.ofSeconds(5))).isTrue();
            }
            assertThat(node.inspect(c -> c.pendingIncomingCount()).join()).isLessThanOrEqualTo(MAX_PENDING);
        } finally {
            for (Socket s : crowd) {
                s.close();
            }
        }
    }
}
