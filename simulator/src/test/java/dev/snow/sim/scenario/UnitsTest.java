package dev.snow.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void durationsNeedAUnit() {
        assertThat(Units.duration("250ms")).isEqualTo(250_000_000L);
        assertThat(Units.duration("1.5s")).isEqualTo(1_500_000_000L);
        assertThat(Units.duration("2m")).isEqualTo(120_000_000_000L);
        assertThat(Units.duration("1h")).isEqualTo(3_600_000_000_000L);
        assertThat(Units.duration("500us")).isEqualTo(500_000L);
        assertThat(Units.duration("7ns")).isEqualTo(7L);
        assertThat(Units.duration("0")).isZero();
        assertThatThrownBy(() -> Units.duration("30")).hasMessageContaining("expected a duration").hasMessageContaining("\"30\"");
        assertThatThrownBy(() -> Units.duration("3 parsecs")).hasMessageContaining("unknown duration unit \"parsecs\"");
    }

    @Test
    void ratesArePercentagesOrFractionsWithinZeroAndOne() {
        assertThat(Units.rate("1%")).isEqualTo(0.01);
        assertThat(Units.rate("0.3")).isEqualTo(0.3);
        assertThatThrownBy(() -> Units.rate("130%")).hasMessageContaining("within 0..1");
        assertThatThrownBy(() -> Units.rate("lots")).hasMessageContaining("expected a rate");
    }

    @Test
    void bandwidthsAreBitsOrBytesPerSecond() {
        assertThat(Units.bandwidth("10Mbit/s")).isEqualTo(10_000_000L);
        assertThat(Units.bandwidth("512kbit/s")).isEqualTo(512_000L);
        assertThat(Units.bandwidth("2MB/s")).isEqualTo(16_000_000L);
        assertThat(Units.bandwidth("800B/s")).isEqualTo(6_400L);
        assertThat(Units.bandwidth("unlimited")).isZero();
        assertThatThrownBy(() -> Units.bandwidth("fast")).hasMessageContaining("expected a bandwidth");
    }

    @Test
    void seedRanges() {
        assertThat(SeedRange.parse("1..1000").count()).isEqualTo(1000);
        assertThat(SeedRange.parse("7")).isEqualTo(new SeedRange(7, 7));
        assertThatThrownBy(() -> SeedRange.parse("9..3")).hasMessageContaining("empty");
        assertThatThrownBy(() -> SeedRange.parse("a..b")).hasMessageContaining("expected seeds");
    }
}
