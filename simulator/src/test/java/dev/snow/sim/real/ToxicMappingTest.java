package dev.snow.sim.real;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.sim.scenario.LatencySpec;
import dev.snow.sim.scenario.Units;
import org.junit.jupiter.api.Test;

/** Scenario quantities to toxic attributes: the mapping table of docs/SCENARIOS.md, real mode. */
class ToxicMappingTest {

    @Test
    void uniformLatencyBecomesItsMeanPlusOrMinusHalfItsWidth() {
        long[] lj = ToxicMapping.latency(new LatencySpec("uniform", 10 * Units.MS, 30 * Units.MS), 0, 1.0);
        assertThat(lj).containsExactly(20, 10);
    }

    @Test
    void scenarioJitterAddsHalfToTheMeanAndHalfToTheSpread() {
        long[] lj = ToxicMapping.latency(LatencySpec.fixed(100 * Units.MS), 40 * Units.MS, 1.0);
        assertThat(lj).containsExactly(120, 20);
    }

    @Test
    void latencyScalesWithTheRun() {
        long[] lj = ToxicMapping.latency(LatencySpec.fixed(200 * Units.MS), 0, 0.5);
        assertThat(lj).containsExactly(100, 0);
    }

    @Test
    void bandwidthIsKilobytesPerSecondAndFasterWhenTheRunIs() {
        assertThat(ToxicMapping.bandwidthKBps(8_000_000, 1.0)).isEqualTo(1000);
        assertThat(ToxicMapping.bandwidthKBps(8_000_000, 0.5)).isEqualTo(2000);
        assertThat(ToxicMapping.bandwidthKBps(1, 1.0)).isEqualTo(1);
        assertThat(ToxicMapping.bandwidthKBps(0, 1.0)).as("unlimited: no toxic").isZero();
    }

    @Test
    void lossBecomesTheMeanRetransmissionDelay() {
        assertThat(ToxicMapping.lossMeanDelayMs(0)).isZero();
        // 10%: 0.9 x 200 ms x sum over k of 0.1^k (2^k - 1) = 180 x (0.25 - 0.111...) = 25 ms
        assertThat(ToxicMapping.lossMeanDelayMs(0.10)).isEqualTo(25);
        // 30%: 0.7 x 200 x (1.5 - 0.4286) = 150 ms uncapped; the 120 s RTO cap takes half a millisecond off
        assertThat(ToxicMapping.lossMeanDelayMs(0.30)).isBetween(149L, 150L);
        assertThat(ToxicMapping.lossMeanDelayMs(1.0)).isEqualTo(ToxicMapping.RTO_MAX_MS);
        assertThat(ToxicMapping.lossMeanDelayMs(0.6)).as("more loss, more delay").isGreaterThan(ToxicMapping.lossMeanDelayMs(0.3));
    }
}
