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
        // 10%: 180 ms x sum for n < 6 of 0.1^n (2^n - 1) = 24.99 ms, plus 0.1^6 x 12.6 s
        assertThat(ToxicMapping.lossMeanDelayMs(0.10)).isEqualTo(25);
        // 30%: 140 ms x sum for n < 6 of 0.3^n (2^n - 1) = 133.8 ms, plus 0.3^6 x 12.6 s = 9.2 ms
        assertThat(ToxicMapping.lossMeanDelayMs(0.30)).isEqualTo(143);
        assertThat(ToxicMapping.lossMeanDelayMs(1.0)).as("every chunk retransmitted 6 times").isEqualTo(12_600);
        assertThat(ToxicMapping.lossMeanDelayMs(0.6)).as("more loss, more delay").isGreaterThan(ToxicMapping.lossMeanDelayMs(0.3));
    }

    @Test
    void resetTimeoutIsMillisecondsAndSlicerDelayMicrosecondsBothScaled() {
        assertThat(ToxicMapping.resetTimeoutMs(0, 1.0)).as("reset at the first chunk").isZero();
        assertThat(ToxicMapping.resetTimeoutMs(250 * Units.MS, 1.0)).isEqualTo(250);
        assertThat(ToxicMapping.resetTimeoutMs(250 * Units.MS, 0.1)).isEqualTo(25);
        assertThat(ToxicMapping.slicerDelayMicros(Units.MS, 1.0)).isEqualTo(1000);
        assertThat(ToxicMapping.slicerDelayMicros(100 * Units.US, 0.5)).isEqualTo(50);
        assertThat(ToxicMapping.slicerDelayMicros(0, 1.0)).isZero();
    }
}
