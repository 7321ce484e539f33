package dev.snow.ref.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.handshake.FailReason;
import dev.snow.ref.handshake.Profile;
import dev.snow.ref.node.NodeEvent.HandshakeFailed;
import dev.snow.ref.node.NodeEvent.NodeUp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hardened profile over real loopback TLS: two hardened nodes connect with mutual TLS
 * (HARD-2) on either provider and across providers; a base and a hardened node refuse each
 * other, the hardened side naming profile_mismatch (HARD-7), in both directions.
 */
class HardenedProfileTest {
    private final TestNodes nodes = new TestNodes();
    private final EventLog aLog = new EventLog();
    private final EventLog bLog = new EventLog();

    @AfterEach
    void stop() {
        nodes.close();
    }

    @ParameterizedTest
    @EnumSource(TlsProvider.class)
    void two_hardened_nodes_connect_both_ways(TlsProvider provider) {
        assumeTrue(provider == TlsProvider.JDK || TlsContexts.openSslUsable(), "BoringSSL is not usable here");
        SnowNode a = nodes.start("a", "cookie", aLog, b -> b.profile(Profile.HARDENED), provider);
        SnowNode b = nodes.start("b", "cookie", bLog, b2 -> b2.profile(Profile.HARDENED), TlsProvider.JDK);

        TestNodes.connect(a, b);

        assertThat(aLog.await(NodeUp.class, 0, TestNodes.WAIT).direction()).isEqualTo(Direction.OUTGOING);
        assertThat(bLog.await(NodeUp.class, 0, TestNodes.WAIT).node()).isEqualTo(a.name());
        a.disconnect(b.name()).join();
        Await.until("b saw the session end", TestNodes.WAIT, () -> b.sessions().join().isEmpty());

        int mark = aLog.mark();
        TestNodes.connect(b, a);
        assertThat(aLog.await(NodeUp.class, mark, TestNodes.WAIT).direction()).isEqualTo(Direction.INCOMING);
        assertThat(aLog.all(HandshakeFailed.class)).isEmpty();
        assertThat(bLog.all(HandshakeFailed.class)).isEmpty();
    }

    @Test
    void a_hardened_initiator_refuses_a_base_acceptor_as_profile_mismatch() {
        SnowNode hardened = nodes.start("h", "cookie", aLog, b -> b.profile(Profile.HARDENED));
        SnowNode base = nodes.start("base", "cookie", bLog);

        TestNodes.connect(hardened, base);

        HandshakeFailed f = aLog.await(HandshakeFailed.class, 0, TestNodes.WAIT);
        assertThat(f.reason()).isEqualTo(FailReason.PROFILE_MISMATCH);
        assertThat(f.detail()).contains("HARD-7").contains("base profile");
        bLog.await(HandshakeFailed.class, 0, TestNodes.WAIT);
        assertThat(hardened.sessions().join()).isEmpty();
        assertThat(base.sessions().join()).isEmpty();
        assertThat(bLog.all(NodeUp.class)).isEmpty();
    }

    @Test
    void a_hardened_acceptor_refuses_a_base_initiator_as_profile_mismatch() {
        SnowNode hardened = nodes.start("h", "cookie", aLog, b -> b.profile(Profile.HARDENED));
        SnowNode base = nodes.start("base", "cookie", bLog);

        TestNodes.connect(base, hardened);

        HandshakeFailed f = aLog.await(HandshakeFailed.class, 0, TestNodes.WAIT);
        assertThat(f.reason()).isEqualTo(FailReason.PROFILE_MISMATCH);
        assertThat(f.direction()).isEqualTo(Direction.INCOMING);
        assertThat(bLog.await(HandshakeFailed.class, 0, TestNodes.WAIT).reason()).isIn(FailReason.IO, FailReason.TLS);
        assertThat(aLog.all(NodeUp.class)).isEmpty();
        assertThat(bLog.all(NodeUp.class)).isEmpty();
    }

    @Test
    void a_relay_between_two_hardened_nodes_fails_the_digest() throws Exception {
        SnowNode a = nodes.start("a", "cookie", aLog, b -> b.profile(Profile.HARDENED));
        SnowNode b = nodes.start("b", "cookie", bLog, b2 -> b2.profile(Profile.HARDENED));
        try (TlsTerminatingRelay relay = new TlsTerminatingRelay(TestNodes.addressOf(b))) {
            assertThat(a.connect(b.name(), relay.address()).join().started()).isTrue();

            HandshakeFailed atB = bLog.await(HandshakeFailed.class, 0, TestNodes.WAIT);
            assertThat(atB.reason()).as("HARD-4: B checks a REPLY made for another TLS channel").isEqualTo(FailReason.COOKIE_MISMATCH);
            aLog.await(HandshakeFailed.class, 0, TestNodes.WAIT);
            assertThat(relay.bytesRelayed()).as("the relay did carry NAME, STATUS and REPLY").isGreaterThan(0);
            assertThat(aLog.all(NodeUp.class)).isEmpty();
            assertThat(bLog.all(NodeUp.class)).isEmpty();
        }
    }
}
