package dev.snow.sim.real;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.sim.scenario.Scenario;
import dev.snow.sim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code scenarios/*-real.yaml} runs in real mode (ScenarioFilesTest runs the same files in
 * the simulator): one reference-node process per node boot ({@code bin/snow-node --adapter}), the
 * embedded fault proxy, the file's first seed. A failure prints the replay command, the adapters'
 * logs and the timeline (also kept in {@code simulator/target/real-mode/}).
 */
class RealModeScenariosTest {
    private static final Path SCENARIOS = Path.of(System.getProperty("sim.scenarios", "../scenarios"));
    private static final Path ROOT = SCENARIOS.toAbsolutePath().getParent();
    private static final Path OUT = Path.of("target/real-mode");

    /** One line on the console when the real-mode runs cannot happen here, besides JUnit's skip reasons. */
    @BeforeAll
    static void sayWhySkipped() {
        if (!Files.isRegularFile(ROOT.resolve("reference-node/target/snow-node.jar"))) {
            System.err.println("RealModeScenariosTest: skipped: reference-node/target/snow-node.jar is not built");
        }
    }

    static Stream<String> files() throws IOException {
        try (Stream<Path> s = Files.list(SCENARIOS)) {
            List<String> names = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("-real.yaml")).sorted().toList();
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void passesAgainstReferenceNodesThroughTheEmbeddedProxy(String file) throws Exception {
        Path jar = ROOT.resolve("reference-node/target/snow-node.jar");
        Assumptions.assumeTrue(Files.isRegularFile(jar),
                "real mode skipped: " + jar + " is not built (mvn -B package -pl reference-node -DskipTests, or mvn verify)");
        Scenario scenario = ScenarioLoader.load(SCENARIOS.resolve(file));
        Files.createDirectories(OUT);
        String stem = file.substring(0, file.length() - ".yaml".length());
        RealOptions opt = new RealOptions(RealOptions.referenceNode(ROOT), FaultMode.EMBEDDED, OUT.resolve(stem + ".jsonl"), 1.0,
                RealOptions.DEFAULT_TOLERANCE, OUT.resolve(stem + "-logs"), System.out, System.err);

        RealResult r = RealRunner.run(scenario, scenario.seeds().first(), opt);

        assertThat(r.status()).as("%s in real mode: %s (replay: %s)", file, r.failures(),
                RealRunner.replayCommand("scenarios/" + file, scenario.seeds().first(), opt)).isEqualTo(RealResult.Status.PASSED);
        assertThat(r.events()).as("adapter events observed").isPositive();
    }
}
