package dev.snow.sim.real;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.sim.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Fields real mode cannot honour are named, never dropped silently; the real-mode files have none. */
class NotApplicableTest {
    private static final Path SCENARIOS = Path.of(System.getProperty("sim.scenarios", "../scenarios"));

    @Test
    void clockSkewAndDriftAreNamed() throws Exception {
        var s = ScenarioLoader.load(SCENARIOS.resolve("clock-skew-and-drift.yaml"));
        assertThat(String.join("; ", NotApplicable.of(s))).contains("clock.drift_ppm of").contains("skew on line");
    }

    @Test
    void swarmAndTcpTimersAreNamed() throws Exception {
        assertThat(String.join("; ", NotApplicable.of(ScenarioLoader.load(SCENARIOS.resolve("swarm-chaos.yaml"))))).contains("swarm");
        assertThat(String.join("; ", NotApplicable.of(ScenarioLoader.load(SCENARIOS.resolve("tcp-reset-long-outage.yaml")))))
                .contains("network.tcp.*");
    }

    @Test
    void theRealModeFilesUseOnlyWhatAppliesToProcesses() throws Exception {
        for (String f : new String[] {"heartbeat-timeout-real.yaml", "partition-during-handshake-real.yaml",
            "latency-below-heartbeat-real.yaml", "loss-10-percent-real.yaml", "restart-new-creation-real.yaml",
            "one-way-partition-real.yaml"}) {
            assertThat(NotApplicable.of(ScenarioLoader.load(SCENARIOS.resolve(f)))).as(f).isEmpty();
        }
    }
}
