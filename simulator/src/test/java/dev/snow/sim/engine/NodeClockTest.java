package dev.snow.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NodeClockTest {
    private static final long S = 1_000_000_000L;

    @Test
    void anUndriftedClockIsVirtualTimePlusItsOffset() {
        NodeClock c = new NodeClock(5 * S, 0);
        assertThat(c.local(0)).isEqualTo(5 * S);
        assertThat(c.local(3 * S)).isEqualTo(8 * S);
        assertThat(c.virtualAt(8 * S)).isEqualTo(3 * S);
    }

    @Test
    void aFastClockGainsItsDrift() {
        NodeClock c = new NodeClock(0, 1000);
        assertThat(c.local(10 * S)).isEqualTo(10 * S + 10_000_000L);
    }

    @Test
    void virtualAtIsTheFirstInstantTheLocalClockReachesTheDeadline() {
        Rng rng = new Rng(3);
        for (long ppm : new long[] {-100_000, -777, -1, 0, 1, 333, 100_000}) {
            NodeClock c = new NodeClock(rng.nextLong(1L << 40), ppm);
            for (int i = 0; i < 2000; i++) {
                long deadline = c.local(0) + rng.nextLong(1000 * S);
                long v = c.virtualAt(deadline);
                assertThat(c.local(v)).as("ppm %d deadline %d", ppm, deadline).isGreaterThanOrEqualTo(deadline);
                if (v > 0) {
                    assertThat(c.local(v - 1)).as("ppm %d deadline %d", ppm, deadline).isLessThan(deadline);
                }
            }
        }
    }

    @Test
    void localTimeNeverGoesBackThroughDriftChangesAndJumps() {
        NodeClock c = new NodeClock(0, 50_000);
        long before = c.local(10 * S);
        c.adjust(10 * S, 2 * S, -50_000);
        assertThat(c.local(10 * S)).isEqualTo(before + 2 * S);
        long prev = Long.MIN_VALUE;
        for (long v = 10 * S; v < 20 * S; v += 7_777_777) {
            assertThat(c.local(v)).isGreaterThanOrEqualTo(prev);
            prev = c.local(v);
        }
        assertThatThrownBy(() -> c.adjust(20 * S, -1, 0)).hasMessageContaining("cannot jump back");
    }

    @Test
    void theWorstVirtualSpanUsesTheSlowestRateEverSeen() {
        NodeClock c = new NodeClock(0, 0);
        assertThat(c.worstVirtualSpan(13 * S)).isEqualTo(13 * S);
        c.adjust(S, 0, -100_000);
        c.adjust(2 * S, 0, 0);
        assertThat(c.worstVirtualSpan(9 * S)).isGreaterThanOrEqualTo(10 * S).isLessThan(10 * S + 10);
    }
}
