package dev.snow.sim.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.sim.scenario.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The determinism self-check: the same seed twice gives the same trace hash. */
class DeterminismTest {
    /** Files bigger than this many nodes are left to their seed sweep (they take seconds per run). */
    private static final int MAX_NODES = 1000;

    @TestFactory
    Stream<DynamicTest> sameSeedTwiceGivesTheSameTraceHash() throws Exception {
        List<DynamicTest> out = new ArrayList<>();
        for (Path file : ScenarioFilesTest.scenarioFiles()) {
            Scenario s = ScenarioFilesTest.load(file);
            if (s.nodes().size() > MAX_NODES) {
                continue;
            }
            out.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                RunResult first = SimulationRunner.run(s, s.seeds().first());
                RunResult second = SimulationRunner.run(s, s.seeds().first());
                assertThat(second.traceHash()).as("trace hash of %s seed %d", s.file(), s.seeds().first())
                        .isEqualTo(first.traceHash());
                assertThat(second.events()).isEqualTo(first.events());
                assertThat(second.traceRecords()).isEqualTo(first.traceRecords());
            }));
        }
        return out.stream();
    }

    @Test
    void differentSeedsTakeDifferentPaths() {
        Scenario s = ScenarioFilesTest.load(ScenarioFilesTest.scenariosDir().resolve("loss-10-percent.yaml"));
        Set<String> hashes = new HashSet<>();
        for (long seed = 1; seed <= 5; seed++) {
            hashes.add(SimulationRunner.run(s, seed).traceHash());
        }
        assertThat(hashes).hasSize(5);
    }
}
