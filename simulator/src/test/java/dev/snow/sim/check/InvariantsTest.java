package dev.snow.sim.check;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snow.sim.engine.NodeClock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each invariant, broken on purpose with synthetic facts. */
class InvariantsTest {
    private static final long S = 1_000_000_000L;
    private final Invariants inv = new Invariants(List.of("a@sim", "b@sim", "c@sim"));
    private final NodeClock clock = new NodeClock(0, 0);
    private long heard;

    private void up(int node, String peer, int id, long tcp, int peerNode) {
        inv.nodeUp(0, node, peer, id, 1, 10, tcp, tcp, peerNode, true, 1, () -> heard, clock, 13 * S);
    }

    @Test
    void aSecondSessionWithTheSamePeerIsCaught() {
        up(0, "b@sim", 1, 1, 1);
        assertThatThrownBy(() -> up(0, "b@sim", 2, 2, 1)).hasMessageContaining("one-session-per-pair");
    }

    @Test
    void twoSidesOnDifferentConnectionsAreCaught() {
        up(0, "b@sim", 1, 1, 1);
        assertThatThrownBy(() -> up(1, "a@sim", 1, 2, 0)).hasMessageContaining("pair-agreement")
                .hasMessageContaining("TCP connection 2").hasMessageContaining("TCP connection 1");
    }

    @Test
    void aNodeIdHeldTwiceOrOutOfRangeIsCaught() {
        up(0, "b@sim", 1, 1, 1);
        assertThatThrownBy(() -> up(0, "c@sim", 1, 2, 2)).hasMessageContaining("node-id-unique");
        assertThatThrownBy(() -> up(0, "c@sim", 11, 2, 2)).hasMessageContaining("node-id-range");
    }

    @Test
    void aSessionWithADifferentCookieOrTheWrongNodeIsCaught() {
        assertThatThrownBy(() -> inv.nodeUp(0, 0, "b@sim", 1, 1, 10, 1, 1, 1, false, 1, () -> 0, clock, S))
                .hasMessageContaining("cookie");
        assertThatThrownBy(() -> inv.nodeUp(0, 0, "b@sim", 1, 1, 10, 1, 1, 2, true, 1, () -> 0, clock, S))
                .hasMessageContaining("other end is c@sim");
        assertThatThrownBy(() -> inv.nodeUp(0, 0, "b@sim", 1, 1, 10, 1, 1, 1, true, 9, () -> 0, clock, S))
                .hasMessageContaining("creation");
    }

    @Test
    void aNodeDownWithoutItsSessionIsCaught() {
        assertThatThrownBy(() -> inv.nodeDown(0, 0, "b@sim", 1, 4)).hasMessageContaining("down-matches-up");
    }

    @Test
    void aSessionOutlivingItsHeartbeatDeadlineIsCaught() {
        heard = 2 * S;
        up(0, "b@sim", 1, 1, 1);
        assertThatCode(() -> inv.afterEvent(15 * S)).doesNotThrowAnyException();
        heard = 5 * S;
        assertThatCode(() -> inv.afterEvent(17 * S)).as("it heard something since").doesNotThrowAnyException();
        assertThatThrownBy(() -> inv.afterEvent(18 * S + 2_000)).hasMessageContaining("heartbeat-deadline")
                .hasMessageContaining("since 5.000000000s");
    }

    @Test
    void aSessionThatWentDownIsNoLongerWatched() {
        up(0, "b@sim", 1, 1, 1);
        inv.nodeDown(0, 0, "b@sim", 1, 1);
        assertThatCode(() -> inv.afterEvent(100 * S)).doesNotThrowAnyException();
        up(0, "b@sim", 1, 2, 1);
        inv.nodeGone(0);
        assertThatCode(() -> inv.afterEvent(200 * S)).doesNotThrowAnyException();
    }

    @Test
    void theTableMustMatchTheEvents() {
        up(0, "b@sim", 1, 1, 1);
        assertThatCode(() -> inv.compareTable(0, List.of("b@sim"), List.of(1))).doesNotThrowAnyException();
        assertThatThrownBy(() -> inv.compareTable(0, List.of("b@sim", "c@sim"), List.of(1, 2)))
                .hasMessageContaining("events-match-table");
    }
}
