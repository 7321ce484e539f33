package dev.snow.ref.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snow.ref.handshake.FailReason;
import dev.snow.ref.node.NodeEvent.HandshakeFailed;
import dev.snow.ref.node.NodeEvent.NodeDown;
import dev.snow.ref.node.NodeEvent.NodeUp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Random;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Bad peers against a running node (TLS-1, FRAME-3, LIM-1, LIM-4): each ends in a clean close
 * with a reason, the node then completes a good handshake, and the JVM's threads and open file
 * descriptors come back to what they were before the bad peer came.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostilePeersTest {
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(5);
    private static final long GARBAGE_SEED = 20251125L;

    private final TestNodes nodes = new TestNodes();
    private final EventLog nodeLog = new EventLog();
    private final EventLog goodLog = new EventLog();
    private ProcessResources beforeClass;
    private SnowNode node;
    private SnowNode good;
    private ProcessResources beforeTest;
    private int mark;

    @BeforeAll
    void startNodes() throws IOException {
        try (TestNodes warmUp = new TestNodes()) {
            SnowNode x = warmUp.start("x", "cookie", new EventLog());
            SnowNode y = warmUp.start("y", "cookie", new EventLog());
            TestNodes.connect(x, y);
            Await.until("warm-up session", TestNodes.WAIT, () -> x.sessions().join().size() == 1);
            try (SSLSocket s = RawClient.tls13(TestNodes.addressOf(x))) {
                s.getOutputStream().write(0);
            }
        }
        beforeClass = ProcessResources.now();
        node = nodes.start("node", "cookie", nodeLog, b -> b.handshakeTimeout(HANDSHAKE_TIMEOUT));
        good = nodes.start("good", "cookie", goodLog);
        // every lazily started event-loop thread of both nodes is running before any baseline
        for (int i = 0; i < 3; i++) {
            goodPeerConnectsAndLeaves();
            try (SSLSocket s = RawClient.tls13(TestNodes.addressOf(node))) {
                s.getOutputStream().write(new byte[] {0, 0, 0, 0});
                RawClient.closedByPeerWithin(s, CLOSE_WITHIN);
            }
        }
    }

    @AfterAll
    void stopNodes() {
        nodes.close();
        beforeClass.awaitBackTo(TestNodes.WAIT);
    }

    @BeforeEach
    void baseline() {
        Await.until("no connection left from the previous case", TestNodes.WAIT,
                () -> node.openChannels() == 0 && good.openChannels() == 0);
        beforeTest = ProcessResources.now();
        mark = nodeLog.mark();
    }

    @AfterEach
    void nodeStaysHealthyAndNothingLeaks() {
        goodPeerConnectsAndLeaves();
        beforeTest.awaitBackTo(TestNodes.WAIT);
    }

    private void goodPeerConnectsAndLeaves() {
        int goodMark = goodLog.mark();
        int nodeMark = nodeLog.mark();
        TestNodes.connect(good, node);
        goodLog.await(NodeUp.class, goodMark, TestNodes.WAIT);
        good.disconnect(node.name()).join();
        nodeLog.await(NodeDown.class, nodeMark, TestNodes.WAIT);
    }

    private HandshakeFailed failure() {
        return nodeLog.await(HandshakeFailed.class, mark, TestNodes.WAIT);
    }

    @Test
    void a_plaintext_client_fails_tls() throws IOException {
        try (Socket s = RawClient.plain(TestNodes.addressOf(node))) {
            s.getOutputStream().write(new byte[] {0, 0, 0, 8, 1, 0, 3, 'x', '@', 'h', 1, 0});
            assertThat(RawClient.closedByPeerWithin(s, CLOSE_WITHIN)).isTrue();
        }
        HandshakeFailed f = failure();
        assertThat(f.reason()).isEqualTo(FailReason.TLS);
        assertThat(f.peer()).isNull();
        assertThat(f.detail()).contains("TLS-1");
    }

    @Test
    void a_tls_1_2_client_fails_tls() throws IOException {
        try (SSLSocket s = RawClient.tls(TestNodes.addressOf(node), "TLSv1.2")) {
            s.setSoTimeout(5000);
            assertThatThrownBy(s::startHandshake).isInstanceOf(IOException.class);
        }
        assertThat(failure().reason()).isEqualTo(FailReason.TLS);
    }

    @Test
    void random_garbage_after_tls_is_a_protocol_error() throws IOException {
        byte[] garbage = new byte[256];
        new Random(GARBAGE_SEED).nextBytes(garbage);
        try (SSLSocket s = RawClient.tls13(TestNodes.addressOf(node))) {
            s.getOutputStream().write(garbage);
            s.getOutputStream().flush();
            assertThat(RawClient.closedByPeerWithin(s, CLOSE_WITHIN)).as("garbage seed %d", GARBAGE_SEED).isTrue();
        }
        assertThat(failure().reason()).as("garbage seed %d", GARBAGE_SEED).isEqualTo(FailReason.PROTOCOL_ERROR);
    }

    @Test
    void a_4_gib_length_prefix_is_refused_from_the_prefix_alone() throws IOException {
        try (SSLSocket s = RawClient.tls13(TestNodes.addressOf(node))) {
            s.getOutputStream().write(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1});
            s.getOutputStream().flush();
            assertThat(RawClient.closedByPeerWithin(s, CLOSE_WITHIN)).isTrue();
        }
        HandshakeFailed f = failure();
        assertThat(f.reason()).isEqualTo(FailReason.PROTOCOL_ERROR);
        assertThat(f.detail()).contains("FRAME-3").contains("4294967295");
    }

    @Test
    void a_slowloris_sending_its_name_one_byte_per_second_times_out() throws IOException {
        byte[] name = {0, 0, 0, 9, 1, 0, 5, 's', '@', 'l', 'o', 'w', 1};
        try (SSLSocket s = RawClient.tls13(TestNodes.addressOf(node))) {
            assertThat(dripUntilClosed(s, name)).isTrue();
        }
        HandshakeFailed f = failure();
        assertThat(f.reason()).isEqualTo(FailReason.TIMEOUT);
        assertThat(f.detail()).contains("LIM-1");
    }

    @Test
    void a_slowloris_inside_the_tls_handshake_times_out() throws IOException {
        byte[] helloStart = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03};
        try (Socket s = RawClient.plain(TestNodes.addressOf(node))) {
            assertThat(dripUntilClosed(s, helloStart)).isTrue();
        }
        assertThat(failure().reason()).isEqualTo(FailReason.TIMEOUT);
    }

    /** Sends one byte per second until the node closes; true if it closed before the bytes ran out. */
    private static boolean dripUntilClosed(Socket s, byte[] bytes) {
        try {
            OutputStream out = s.getOutputStream();
            for (byte b : bytes) {
                out.write(b);
                out.flush();
                if (RawClient.closedByPeerWithin(s, Duration.ofSeconds(1))) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
