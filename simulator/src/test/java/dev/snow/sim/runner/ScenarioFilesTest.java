package dev.snow.sim.runner;

import static org.junit.jupiter.api.Assertions.fail;

import dev.snow.sim.scenario.Scenario;
import dev.snow.sim.scenario.ScenarioLoader;
import dev.snow.sim.scenario.SeedRange;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scenario file directly under {@code scenarios/} over its own seed range (its
 * {@code seeds:} field), or over {@code -Dsim.seeds=A..B} for a longer sweep; {@code -Dsim.only=GLOB}
 * picks files and {@code -Dsim.exclude=GLOB} leaves some out. A failing seed fails its test with the full report: the seed, the one-line
 * replay command and the trace around the failure.
 */
class ScenarioFilesTest {

    static Path scenariosDir() {
        return Path.of(System.getProperty("sim.scenarios", "../scenarios")).toAbsolutePath().normalize();
    }

    static List<Path> scenarioFiles() throws IOException {
        String only = System.getProperty("sim.only", "");
        String exclude = System.getProperty("sim.exclude", "");
        PathMatcher match = only.isBlank() ? p -> true : FileSystems.getDefault().getPathMatcher("glob:" + only);
        PathMatcher skip = exclude.isBlank() ? p -> false : FileSystems.getDefault().getPathMatcher("glob:" + exclude);
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(scenariosDir())) {
            files.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .filter(p -> match.matches(p.getFileName()) && !skip.matches(p.getFileName()))
                    .sorted()
                    .forEach(out::add);
        }
        return out;
    }

    /** The file as the replay command names it, from the repository root. */
    static Scenario load(Path file) {
        return ScenarioLoader.load(file, "scenarios/" + file.getFileName());
    }

    @TestFactory
    Stream<DynamicContainer> everyScenarioFileOverItsSeedRange() throws IOException {
        String override = System.getProperty("sim.seeds", "");
        List<DynamicContainer> out = new ArrayList<>();
        for (Path file : scenarioFiles()) {
            Scenario s = load(file);
            SeedRange seeds = override.isBlank() ? s.seeds() : SeedRange.parse(override);
            List<DynamicTest> tests = new ArrayList<>();
            for (long seed = seeds.first(); seed <= seeds.last(); seed++) {
                long n = seed;
                tests.add(DynamicTest.dynamicTest("seed " + n, () -> {
                    RunResult r = SimulationRunner.run(s, n);
                    if (!r.passed()) {
                        fail(FailureReport.format(s, r));
                    }
                }));
            }
            out.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), tests));
        }
        return out.stream();
    }
}
