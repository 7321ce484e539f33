package dev.snow.ref.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.ref.node.NodeEvent.HandshakeFailed;
import dev.snow.ref.node.NodeEvent.NodeDown;
import dev.snow.ref.node.NodeEvent.NodeUp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ID-2..ID-4 over real TLS: 1,000 sequential connect/disconnect cycles between two nodes with
 * max_node_id = 8 all succeed, and both sides hand out ids 1..8 and then recycle them
 * least-recently-freed first, so the ids cycle 1, 2, ..., 8, 1, 2, ...
 */
class ConnectCyclesTest {
    private static final int CYCLES = 1000;
    private static final int MAX_NODE_ID = 8;

    @Test
    void a_thousand_cycles_succeed_and_recycle_node_ids_fifo() {
        try (TestNodes nodes = new TestNodes()) {
            EventLog aLog = new EventLog();
            EventLog bLog = new EventLog();
            SnowNode a = nodes.start("a", "cookie", aLog, x -> x.maxNodeId(MAX_NODE_ID));
            SnowNode b = nodes.start("b", "cookie", bLog, x -> x.maxNodeId(MAX_NODE_ID));
            List<Integer> aIds = new ArrayList<>();
            List<Integer> bIds = new ArrayList<>();

            for (int cycle = 0; cycle < CYCLES; cycle++) {
                int aMark = aLog.mark();
                int bMark = bLog.mark();
                TestNodes.connect(a, b);
                aIds.add(aLog.await(NodeUp.class, aMark, TestNodes.WAIT).nodeId());
                bIds.add(bLog.await(NodeUp.class, bMark, TestNodes.WAIT).nodeId());
                assertThat(a.disconnect(b.name()).join()).as("cycle %d", cycle).isTrue();
                bLog.await(NodeDown.class, bMark, TestNodes.WAIT);
                if (cycle % 100 == 99) {
                    System.out.println("connect/disconnect cycles done: " + (cycle + 1) + "/" + CYCLES);
                }
            }

            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < CYCLES; i++) {
                expected.add(i % MAX_NODE_ID + 1);
            }
            assertThat(aIds).isEqualTo(expected);
            assertThat(bIds).isEqualTo(expected);
            assertThat(aLog.all(HandshakeFailed.class)).isEmpty();
            assertThat(bLog.all(HandshakeFailed.class)).isEmpty();
        }
    }
}
