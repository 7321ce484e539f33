package dev.snow.ref.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.ref.handshake.FailReason;
import dev.snow.ref.wire.Frame;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The handshake deadline covers TLS and every stall (LIM-1); stalled peers cannot lock others out (LIM-2, LIM-3). */
class HandshakeDeadlineTest {
    private static final Duration DEADLINE = Duration.ofSeconds(7);
    private final CoreNetwork net = new CoreNetwork();

    @Test
    void aConnectionStuckInTlsTimesOutOnBothSidesAtTheDeadline() {
        net.add(CoreNetwork.config("a@h:1", "cookie", 1), 1);
        net.add(CoreNetwork.config("b@h:2", "cookie", 2), 2);

        net.dial("a@h:1", "b@h:2"); // TLS never completes
        net.runFor(DEADLINE.minusNanos(1));
        assertThat(net.events("a@h:1")).isEmpty();
        net.runFor(Duration.ofNanos(1));

        for (String n : new String[] {"a@h:1", "b@h:2"}) {
            assertThat(net.events(n, NodeEvent.HandshakeFailed.class)).singleElement()
                    .extracting(NodeEvent.HandshakeFailed::reason).isEqualTo(FailReason.TIMEOUT);
            assertThat(net.timeOf(net.events(n).get(0))).isEqualTo(DEADLINE.toNanos());
            assertThat(net.node(n).connectionCount()).isZero();
        }
    }

    @Test
    void aPeerThatStallsAfterNameIsClosedAtTheDeadline() {
        net.add(CoreNetwork.config("a@h:1", "cookie", 1), 1);
        RawPeer staller = RawPeer.initiatorAgainst(net, "a@h:1", "cookie");
        staller.send(new Frame.Name("s@h:3", 1));

        net.runFor(Duration.ofSeconds(30));

        assertThat(staller.closedByNode()).isTrue();
        NodeEvent.HandshakeFailed f = net.events("a@h:1", NodeEvent.HandshakeFailed.class).get(0);
        assertThat(f.reason()).isEqualTo(FailReason.TIMEOUT);
        assertThat(f.peer()).isEqualTo("s@h:3");
        assertThat(net.timeOf(f)).isEqualTo(DEADLINE.toNanos());
    }

    @Test
    void stalledPeersAtTheLimitDoNotStopAGoodPeer() {
        net.add(CoreNetwork.config("a@h:1", "cookie", 1).maxPendingHandshakes(4), 1);
        net.add(CoreNetwork.config("good@h:2", "cookie", 2), 2);
        for (int i = 0; i < 10; i++) {
            RawPeer.initiatorAgainst(net, "a@h:1", "cookie").sendBytes(new byte[] {0, 0}); // half a header, then silence
        }
        assertThat(net.node("a@h:1").pendingIncomingCount()).isEqualTo(4);

        net.connect("good@h:2", "a@h:1");
        net.settle();

        assertThat(net.node("a@h:1").sessions()).extracting(SessionInfo::node).containsExactly("good@h:2");
        assertThat(net.events("a@h:1", NodeEvent.HandshakeFailed.class))
                .hasSize(7) // 6 evicted by later stallers, 1 by the good peer
                .allSatisfy(f -> {
                    assertThat(f.reason()).isEqualTo(FailReason.NOT_ALLOWED);
                    assertThat(f.detail()).startsWith("LIM-2");
                });
        assertThat(net.node("a@h:1").pendingIncomingCount()).isEqualTo(3);
    }
}
