package dev.snow.ref.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.ref.handshake.FailReason;
import dev.snow.ref.node.NodeConfig;
import dev.snow.ref.node.NodeEvent.HandshakeFailed;
import dev.snow.ref.node.NodeEvent.NodeUp;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reference-only faults really break what they claim to break, over the network, and only
 * through the strategy seams (the protocol code is the same).
 */
class FaultsTest {
    private final EventLog faultyLog = new EventLog();
    private final EventLog peerLog = new EventLog();
    private final TestNodes nodes = new TestNodes();
    private SnowNode faulty;

    @AfterEach
    void stop() {
        nodes.close();
        if (faulty != null) {
            faulty.stop();
        }
    }

    private SnowNode startFaulty(Fault fault, String cookie) throws Exception {
        NodeConfig config = NodeConfig.builder("faulty@127.0.0.1", cookie).creation(5).build();
        faulty = SnowNode.start(NodeSettings.of(config).listenOn(new HostPort("127.0.0.1", 0)).withFaults(Set.of(fault)),
                faultyLog);
        return faulty;
    }

    @Test
    void accept_any_digest_lets_a_wrong_cookie_in_breaking_auth_6() throws Exception {
        SnowNode node = startFaulty(Fault.ACCEPT_ANY_DIGEST, "right");
        SnowNode peer = nodes.start("peer", "wrong", peerLog);

        TestNodes.connect(peer, node);

        assertThat(faultyLog.await(NodeUp.class, 0, TestNodes.WAIT).node()).isEqualTo(peer.name());
        // the honest peer still checks the ACK digest and refuses
        assertThat(peerLog.await(HandshakeFailed.class, 0, TestNodes.WAIT).reason()).isEqualTo(FailReason.COOKIE_MISMATCH);
    }

    @Test
    void fixed_challenge_sends_the_same_challenge_twice_breaking_auth_3() throws Exception {
        SnowNode node = startFaulty(Fault.FIXED_CHALLENGE, "c");
        SnowNode honest = nodes.start("honest", "c", peerLog);

        assertThat(challengeFrom(node, "x1")).isEqualTo(challengeFrom(node, "x2"));
        assertThat(challengeFrom(honest, "x1")).isNotEqualTo(challengeFrom(honest, "x2"));
    }

    /** Sends NAME as {@code alive@h} over TLS and returns the 32-byte challenge of STATUS_CHALLENGE. */
    private static byte[] challengeFrom(SnowNode node, String alive) throws IOException {
        byte[] name = (alive + "@h").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (SSLSocket s = RawClient.tls13(TestNodes.addressOf(node))) {
            java.io.DataOutputStream out = new java.io.DataOutputStream(s.getOutputStream());
            out.writeInt(1 + 2 + name.length + 1);
            out.writeByte(1);
            out.writeShort(name.length);
            out.write(name);
            out.writeByte(1);
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            int len = in.readInt();
            byte[] frame = new byte[len];
            in.readFully(frame);
            assertThat(frame[0]).as("tag STATUS_CHALLENGE").isEqualTo((byte) 2);
            assertThat(frame[1]).as("status ok").isEqualTo((byte) 0);
            int challengeLen = ((frame[2] & 0xff) << 24) | ((frame[3] & 0xff) << 16) | ((frame[4] & 0xff) << 8) | (frame[5] & 0xff);
            assertThat(challengeLen).isEqualTo(32);
            return Arrays.copyOfRange(frame, 6, 38);
        }
    }
}
