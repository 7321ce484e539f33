package dev.snow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatsLineTest {
    @Test
    void fieldsBecomeNumbersByName() {
        assertThat(StatsLine.parse("stats up=12 wall_ns=3000000000 open=0"))
                .containsEntry("up", 12L).containsEntry("wall_ns", 3_000_000_000L).containsEntry("open", 0L).hasSize(3);
    }

    @Test
    void aFieldWithoutANameIsNamedInTheError() {
        assertThatThrownBy(() -> StatsLine.parse("stats up=1 =2")).hasMessageContaining("\"=2\"");
    }
}
