package dev.snow.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamsTest {

    private static long[] draw(Rng r, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = r.nextLong();
        }
        return out;
    }

    @Test
    void aStreamDependsOnlyOnTheRootSeedAndItsName() {
        Streams one = new Streams(7);
        Streams two = new Streams(7);
        two.stream("something else");
        two.stream("node/a@sim/boot/1");
        assertThat(draw(two.stream("network"), 16)).containsExactly(draw(one.stream("network"), 16));
    }

    @Test
    void differentNamesOrSeedsGiveDifferentStreams() {
        Streams s = new Streams(7);
        assertThat(draw(s.stream("network"), 4)).isNotEqualTo(draw(s.stream("faults"), 4));
        assertThat(draw(new Streams(8).stream("network"), 4)).isNotEqualTo(draw(s.stream("network"), 4));
    }

    @Test
    void boundedDrawsStayInTheirRanges() {
        Rng r = new Rng(1);
        for (int i = 0; i < 10_000; i++) {
            assertThat(r.between(-5, 5)).isBetween(-5L, 5L);
            assertThat(r.nextInt(3)).isBetween(0, 2);
            assertThat(r.nextDouble()).isGreaterThanOrEqualTo(0).isLessThan(1);
        }
        assertThat(r.chance(0)).isFalse();
        assertThat(r.chance(1)).isTrue();
    }
}
