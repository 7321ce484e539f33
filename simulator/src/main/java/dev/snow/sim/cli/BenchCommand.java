package dev.snow.sim.cli;

import dev.snow.sim.bench.Bench;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code snow-sim bench}: the performance harness. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures simulator speed as events/s and as ratios to baselines run in the same JVM.",
            "The baselines are the bare event queue and two reference cores back to back; then come timed",
            "scenario runs.",
            "The 1,000-node mesh and the 65,535-peer scenario want a large heap: SNOW_SIM_JAVA_OPTS=-Xmx10g."},
        footer = {"", "Examples:",
            "  SNOW_SIM_JAVA_OPTS=-Xmx10g bin/snow-sim bench",
            "  bin/snow-sim bench --only engine,core,full-mesh-200"})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--only", split = ",", paramLabel = "NAME",
            defaultValue = "engine,core,simultaneous-connect-storm-50@20,full-mesh-1000,node-id-exhaustion-65535",
            description = "What to run, in order: engine, core, or scenario names (scenarios/bench/NAME.yaml, scenarios/NAME.yaml)"
                    + " or files; NAME@N runs N seeds after a warm-up run and reports them together. Default: ${DEFAULT-VALUE}.")
    List<String> only;

    @Option(names = "--scenarios", paramLabel = "DIR", defaultValue = "scenarios",
            description = "Where scenario names are looked up. Default: ${DEFAULT-VALUE}.")
    Path scenarios;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the scenario runs. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() throws Exception {
        try {
            return new Bench(System.out).run(scenarios, only, seed) ? SnowSim.PASSED : SnowSim.FAILED;
        } catch (IllegalArgumentException | dev.snow.sim.scenario.ScenarioException e) {
            System.err.println("snow-sim bench: " + e.getMessage());
            return SnowSim.USAGE;
        }
    }
}
