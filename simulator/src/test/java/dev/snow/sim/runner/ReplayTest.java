package dev.snow.sim.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.ref.handshake.DigestComparator;
import dev.snow.ref.node.NodeCore;
import dev.snow.ref.node.NodeIdAllocator;
import dev.snow.sim.cli.CliRunner;
import dev.snow.sim.scenario.Scenario;
import dev.snow.sim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A seeded failure prints a one-line replay command that works: run the command, get the same
 * failure with the same trace hash. Also: the invariants catch deliberately broken cores.
 */
class ReplayTest {
    static final String RESOURCES = "src/test/resources/scenarios/";

    @Test
    void anUnmetExpectationPrintsAReplayCommandThatReproducesIt() {
        Scenario s = ScenarioLoader.load(Path.of(RESOURCES + "impossible.yaml"));
        RunResult r = SimulationRunner.run(s, 2);
        assertThat(r.passed()).isFalse();
        String report = FailureReport.format(s, r);
        assertThat(report).contains("FAILED " + RESOURCES + "impossible.yaml seed 2")
                .contains("expectation on line 18")
                .contains("trace of a@sim, b@sim")
                .contains("\"kind\":\"handshake_failed\"");

        Matcher m = Pattern.compile("replay: bin/snow-sim (run \\S+ --seed \\d+)").matcher(report);
        assertThat(m.find()).as("a replay line in:%n%s", report).isTrue();
        String replayed = CliRunner.run(m.group(1).split(" "));
        assertThat(replayed).startsWith("1\n").contains("trace hash " + r.traceHash()).contains("FAILED");
    }

    @Test
    void aCoreThatAcceptsAnyDigestBreaksTheCookieInvariant() {
        DigestComparator gullible = (expected, received) -> true;
        RunOptions broken = RunOptions.DEFAULT.withCores((config, challenges) ->
                new NodeCore(config, challenges, gullible, new dev.snow.ref.node.FifoNodeIdAllocator(config.maxNodeId())));
        Scenario s = ScenarioLoader.load(Path.of(RESOURCES + "wrong-cookie-pair.yaml"));
        RunResult r = SimulationRunner.run(s, 1, broken);
        assertThat(r.invariant()).contains("invariant cookie broken").contains("whose cookie differs");
        String report = FailureReport.format(s, r, broken);
        assertThat(report).contains("replay: bin/snow-sim run " + RESOURCES + "wrong-cookie-pair.yaml --seed 1")
                .contains("trace before the failure").contains("\"kind\":\"violation\"");
        assertThat(SimulationRunner.run(s, 1).passed()).as("the reference core passes the same seed").isTrue();
    }

    @Test
    void anAllocatorThatHandsOutOneIdTwiceBreaksNodeIdUniqueness() {
        NodeIdAllocator alwaysOne = new NodeIdAllocator() {
            @Override
            public int allocate() {
                return 1;
            }

            @Override
            public void free(int id) {
            }

            @Override
            public boolean hasFree() {
                return true;
            }

            @Override
            public int maxNodeId() {
                return 65535;
            }
        };
        RunOptions broken = RunOptions.DEFAULT.withCores((config, challenges) ->
                new NodeCore(config, challenges, DigestComparator.CONSTANT_TIME, alwaysOne));
        Scenario s = ScenarioLoader.load(Path.of(RESOURCES + "three-to-hub.yaml"));
        RunResult r = SimulationRunner.run(s, 1, broken);
        assertThat(r.invariant()).contains("node-id-unique").contains("hub@sim gave node_id 1");
    }
}
