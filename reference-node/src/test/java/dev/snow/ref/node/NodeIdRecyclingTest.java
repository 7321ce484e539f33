package dev.snow.ref.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.ref.handshake.FailReason;
import dev.snow.ref.wire.Frame;
import dev.snow.ref.wire.Status;
import org.junit.jupiter.api.Test;

/** node_id allocation with max_node_id = 4: never-used first, then FIFO, exhaustion (ID-1..ID-5). */
class NodeIdRecyclingTest {
    private final CoreNetwork net = new CoreNetwork();

    private int idOf(String peer) {
        return net.node("hub@h:1").session(peer).nodeId();
    }

    private void up(String peer) {
        if (net.node(peer) == null) {
            net.add(CoreNetwork.config(peer, "cookie", 3), peer.hashCode());
        }
        net.connect(peer, "hub@h:1");
        net.settle();
    }

    private void down(String peer) {
        net.node("hub@h:1").disconnect(peer, net.now());
        net.settle();
    }

    @Test
    void theProtocolExampleStepByStep() {
        net.add(CoreNetwork.config("hub@h:1", "cookie", 1).maxNodeId(4), 1);
        up("p1@h:11");
        up("p2@h:12");
        up("p3@h:13");
        up("p4@h:14");
        assertThat(new int[] {idOf("p1@h:11"), idOf("p2@h:12"), idOf("p3@h:13"), idOf("p4@h:14")}).containsExactly(1, 2, 3, 4);

        down("p2@h:12");
        down("p4@h:14");
        up("p5@h:15");
        up("p6@h:16");
        assertThat(idOf("p5@h:15")).isEqualTo(2);
        assertThat(idOf("p6@h:16")).isEqualTo(4);

        RawPeer p7 = RawPeer.initiatorAgainst(net, "hub@h:1", "cookie");
        p7.send(new Frame.Name("p7@h:17", 1));
        assertThat(p7.last(Frame.StatusChallenge.class).status()).isEqualTo(Status.NOT_ALLOWED);

        down("p1@h:11");
        up("p7@h:17");
        assertThat(idOf("p7@h:17")).isEqualTo(1);
    }

    @Test
    void neverUsedIdsComeBeforeFreedOnes() {
        net.add(CoreNetwork.config("hub@h:1", "cookie", 1).maxNodeId(4), 1);
        up("p1@h:11");
        up("p2@h:12");
        down("p1@h:11");

        up("p3@h:13");

        assertThat(idOf("p3@h:13")).isEqualTo(3);
    }

    @Test
    void anInitiatorWithNoFreeIdDoesNotDial() {
        net.add(CoreNetwork.config("hub@h:1", "cookie", 1).maxNodeId(1), 1);
        net.add(CoreNetwork.config("x@h:2", "cookie", 2), 2);
        net.add(CoreNetwork.config("y@h:3", "cookie", 3), 3);
        net.connect("hub@h:1", "x@h:2");
        net.settle();

        ConnectResult r = net.node("hub@h:1").connect("y@h:3", net.now());
        net.settle();

        assertThat(r.outcome()).isEqualTo(ConnectResult.Outcome.NO_NODE_ID);
        assertThat(net.events("hub@h:1", NodeEvent.HandshakeFailed.class)).singleElement()
                .extracting(NodeEvent.HandshakeFailed::reason).isEqualTo(FailReason.NOT_ALLOWED);
        assertThat(net.node("hub@h:1").connectionCount()).isEqualTo(1);
    }

    @Test
    void thousandsOfCyclesNeverShareAnIdAndRecycleFifo() {
        net.add(CoreNetwork.config("hub@h:1", "cookie", 1).maxNodeId(8), 1);
        java.util.ArrayDeque<Integer> expectedFree = new java.util.ArrayDeque<>();
        java.util.List<String> live = new java.util.ArrayList<>();
        java.util.Random r = new java.util.Random(42);
        int nextNever = 1;
        for (int i = 0; i < 2000; i++) {
            if (live.size() < 8 && (live.isEmpty() || r.nextBoolean())) {
                String peer = "p" + i + "@h:" + (1000 + i % 50000);
                up(peer);
                int expected = nextNever <= 8 ? nextNever++ : expectedFree.poll();
                assertThat(idOf(peer)).as("cycle %d", i).isEqualTo(expected);
                live.add(peer);
            } else {
                String peer = live.remove(r.nextInt(live.size()));
                expectedFree.add(idOf(peer));
                down(peer);
            }
            assertThat(net.node("hub@h:1").sessions()).extracting(SessionInfo::nodeId).doesNotHaveDuplicates();
        }
    }
}
