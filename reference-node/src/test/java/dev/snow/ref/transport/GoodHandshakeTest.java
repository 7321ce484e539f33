package dev.snow.ref.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.node.NodeEvent.HandshakeFailed;
import dev.snow.ref.node.NodeEvent.NodeDown;
import dev.snow.ref.node.NodeEvent.NodeUp;
import dev.snow.ref.session.DownReason;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two reference nodes over real loopback TLS 1.3: a session comes up in either direction. */
class GoodHandshakeTest {
    private final TestNodes nodes = new TestNodes();
    private final EventLog aLog = new EventLog();
    private final EventLog bLog = new EventLog();

    @AfterEach
    void stop() {
        nodes.close();
    }

    @Test
    void a_dials_b_and_both_report_node_up_once() {
        SnowNode a = nodes.start("a", "cookie", aLog);
        SnowNode b = nodes.start("b", "cookie", bLog);

        TestNodes.connect(a, b);

        NodeUp upA = aLog.await(NodeUp.class, 0, TestNodes.WAIT);
        NodeUp upB = bLog.await(NodeUp.class, 0, TestNodes.WAIT);
        assertThat(upA.node()).isEqualTo("b@127.0.0.1");
        assertThat(upA.direction()).isEqualTo(Direction.OUTGOING);
        assertThat(upA.creation()).isEqualTo(b.creation());
        assertThat(upA.nodeId()).isEqualTo(1);
        assertThat(upB.node()).isEqualTo("a@127.0.0.1");
        assertThat(upB.direction()).isEqualTo(Direction.INCOMING);
        assertThat(upB.creation()).isEqualTo(a.creation());
        assertThat(a.sessions().join()).extracting(s -> s.node()).containsExactly("b@127.0.0.1");
        assertThat(b.sessions().join()).extracting(s -> s.node()).containsExactly("a@127.0.0.1");
        assertThat(aLog.all(HandshakeFailed.class)).isEmpty();
        assertThat(bLog.all(HandshakeFailed.class)).isEmpty();
    }

    @Test
    void b_dials_a_and_disconnect_is_seen_as_closed_by_the_peer() {
        SnowNode a = nodes.start("a", "cookie", aLog);
        SnowNode b = nodes.start("b", "cookie", bLog);

        TestNodes.connect(b, a);
        bLog.await(NodeUp.class, 0, TestNodes.WAIT);
        NodeUp upA = aLog.await(NodeUp.class, 0, TestNodes.WAIT);
        assertThat(upA.direction()).isEqualTo(Direction.INCOMING);
        assertThat(b.disconnect("a@127.0.0.1").join()).isTrue();

        // the reply of disconnect comes after its node_down (docs/ADAPTER.md)
        assertThat(bLog.all(NodeDown.class)).extracting(NodeDown::reason).containsExactly(DownReason.DISCONNECT);
        NodeDown downA = aLog.await(NodeDown.class, 0, TestNodes.WAIT);
        assertThat(downA.reason()).isEqualTo(DownReason.CLOSED);
        assertThat(downA.nodeId()).isEqualTo(upA.nodeId());
        assertThat(a.sessions().join()).isEmpty();
    }

    @Test
    void stop_ends_every_session_with_disconnect_and_the_peer_sees_closed() {
        SnowNode a = nodes.start("a", "cookie", aLog);
        SnowNode b = nodes.start("b", "cookie", bLog);
        SnowNode c = nodes.start("c", "cookie", new EventLog());
        TestNodes.connect(a, b);
        TestNodes.connect(c, a);
        Await.until("a has two sessions", TestNodes.WAIT, () -> a.sessions().join().size() == 2);

        a.stop();

        assertThat(aLog.all(NodeDown.class)).extracting(NodeDown::reason)
                .containsExactly(DownReason.DISCONNECT, DownReason.DISCONNECT);
        assertThat(bLog.await(NodeDown.class, 0, TestNodes.WAIT).reason()).isEqualTo(DownReason.CLOSED);
        assertThat(a.openChannels()).isZero();
    }

    @Test
    void a_name_with_a_port_is_dialled_there_without_an_override() throws Exception {
        int port;
        try (var probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        String bName = "b@127.0.0.1:" + port;
        SnowNode b = SnowNode.start(NodeSettings.of(dev.snow.ref.node.NodeConfig.builder(bName, "cookie").creation(9).build()), bLog);
        try {
            SnowNode a = nodes.start("a", "cookie", aLog);
            assertThat(b.port()).isEqualTo(port);

            assertThat(a.connect(bName).join().started()).isTrue();

            assertThat(aLog.await(NodeUp.class, 0, TestNodes.WAIT).node()).isEqualTo(bName);
        } finally {
            b.stop();
        }
    }

    @Test
    void a_refused_dial_ends_in_handshake_failed_io_naming_the_address() {
        SnowNode a = nodes.start("a", "cookie", aLog);

        a.connect("b@127.0.0.1", new HostPort("127.0.0.1", 1)).join();

        HandshakeFailed f = aLog.await(HandshakeFailed.class, 0, Duration.ofSeconds(10));
        assertThat(f.peer()).isEqualTo("b@127.0.0.1");
        assertThat(f.reason().wireName()).isEqualTo("io");
        assertThat(f.detail()).contains("127.0.0.1:1");
    }
}
