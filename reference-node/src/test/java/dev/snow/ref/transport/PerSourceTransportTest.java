package dev.snow.ref.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.ref.handshake.FailReason;
import dev.snow.ref.node.AuthThrottleSettings;
import dev.snow.ref.node.NodeCore;
import dev.snow.ref.node.NodeEvent.HandshakeFailed;
import dev.snow.ref.node.NodeEvent.NodeUp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LIM-5 and LIM-6 over real loopback sockets: the transport names each connection's source
 * address (127.0.0.2 for the attacker, 127.0.0.1 for good peers), and events carry it.
 */
class PerSourceTransportTest {
    private static final String ATTACKER = "127.0.0.2";

    private static Socket plainFrom(String source, HostPort to) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(source, 0));
        s.connect(new InetSocketAddress(to.host(), to.port()), 5000);
        return s;
    }

    @Test
    void plainConnectsFromOneSourceDoNotEvictAGoodPeerFromAnother() throws IOException {
        List<Socket> flood = new ArrayList<>();
        try (TestNodes nodes = new TestNodes()) {
            EventLog aLog = new EventLog();
            SnowNode a = nodes.start("a", "cookie", aLog,
                    b -> b.maxPendingHandshakes(8).maxPendingPerSource(4).handshakeTimeout(Duration.ofSeconds(30)));
            for (int i = 0; i < 40; i++) {
                flood.add(plainFrom(ATTACKER, TestNodes.addressOf(a)));
            }
            Await.until("36 flood connections evicted", TestNodes.WAIT, () -> aLog.all(HandshakeFailed.class).size() >= 36);

            SnowNode good = nodes.start("good", "cookie", new EventLog());
            TestNodes.connect(good, a);

            assertThat(aLog.await(NodeUp.class, 0, TestNodes.WAIT).node()).isEqualTo(good.name());
            assertThat(aLog.entries()).filteredOn(e -> e.event() instanceof HandshakeFailed).hasSize(36).allSatisfy(e -> {
                HandshakeFailed f = (HandshakeFailed) e.event();
                assertThat(f.detail()).startsWith("LIM-5").contains(ATTACKER);
                assertThat(e.remote()).startsWith(ATTACKER + ":");
            });
            assertThat(a.inspect(NodeCore::pendingIncomingCount).join()).isEqualTo(4);
        } finally {
            for (Socket s : flood) {
                s.close();
            }
        }
    }

    @Test
    void aGuessingSourceIsRefusedAtAcceptWhileOthersStillConnect() throws IOException {
        try (TestNodes nodes = new TestNodes()) {
            EventLog aLog = new EventLog();
            SnowNode a = nodes.start("a", "cookie", aLog,
                    b -> b.authThrottle(AuthThrottleSettings.of(2, Duration.ofMinutes(5), Duration.ofMinutes(10))));
            EventLog gLog = new EventLog();
            SnowNode guesser = nodes.start("g", "wrong-cookie", gLog);
            for (int i = 0; i < 2; i++) {
                int mark = aLog.mark();
                TestNodes.connect(guesser, a);
                gLog.await(HandshakeFailed.class, i, TestNodes.WAIT); // the guesser's attempt is over
                EventLog.Entry e = aLog.awaitEntry(HandshakeFailed.class, f -> true, mark, TestNodes.WAIT);
                assertThat(((HandshakeFailed) e.event()).reason()).isEqualTo(FailReason.COOKIE_MISMATCH);
                assertThat(e.remote()).as("the source of a failure from a valid name").startsWith("127.0.0.1:");
            }

            int mark = aLog.mark();
            try (Socket third = RawClient.plain(TestNodes.addressOf(a))) {
                HandshakeFailed refused = aLog.await(HandshakeFailed.class, mark, TestNodes.WAIT);
                assertThat(refused.reason()).isEqualTo(FailReason.NOT_ALLOWED);
                assertThat(refused.peer()).isEqualTo("127.0.0.1");
                assertThat(refused.detail()).startsWith("LIM-6").contains("2 failed cookie proofs");
                assertThat(RawClient.closedByPeerWithin(third, TestNodes.WAIT)).isTrue();
            }

            try (Socket other = plainFrom(ATTACKER, TestNodes.addressOf(a))) {
                Await.until("a connection from another source is pending", TestNodes.WAIT,
                        () -> a.inspect(NodeCore::pendingIncomingCount).join() == 1);
            }
        }
    }
}
