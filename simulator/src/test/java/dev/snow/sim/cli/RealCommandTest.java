package dev.snow.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code snow-sim run --real}: its options, their usage errors (exit 2), the Docker skip line (exit 0). */
class RealCommandTest {
    private static final String FILE = "src/test/resources/scenarios/tiny.yaml";

    @Test
    void helpShowsTheRealModeOptions() {
        assertThat(CliRunner.run("run", "--help")).startsWith("0\n").contains("--real").contains("--iut").contains("--faults")
                .contains("--timeline").contains("--time-scale").contains("--tolerance");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(CliRunner.run("run", FILE, "--real", "--seeds", "1..2")).startsWith("2\n").contains("--real runs one seed");
        assertThat(CliRunner.run("run", FILE, "--real", "--trace", "x.jsonl")).startsWith("2\n").contains("use --timeline");
        assertThat(CliRunner.run("run", FILE, "--real", "--faults", "docker")).startsWith("2\n").contains("'docker'");
        assertThat(CliRunner.run("run", FILE, "--real", "--time-scale", "0")).startsWith("2\n").contains("--time-scale");
        assertThat(CliRunner.run("run", FILE, "--real", "--tolerance", "soon")).startsWith("2\n");
        assertThat(CliRunner.run("run", FILE, "--iut", "x")).startsWith("2\n").contains("need --real");
    }

    @Test
    void testcontainersWithoutDockerIsOneSkipLine() {
        if (dev.snow.sim.real.FaultModeProbe.noDocker()) {
            assertThat(CliRunner.run("run", FILE, "--real", "--faults", "testcontainers")).startsWith("0\n")
                    .contains("SKIPPED").contains("no Docker engine").doesNotContain("\tat ");
        }
    }
}
