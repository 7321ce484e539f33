package dev.snow.sim.cli;

import dev.snow.sim.runner.FailureReport;
import dev.snow.sim.runner.RunOptions;
import dev.snow.sim.runner.RunResult;
import dev.snow.sim.runner.SimulationRunner;
import dev.snow.sim.scenario.Scenario;
import dev.snow.sim.scenario.ScenarioException;
import dev.snow.sim.scenario.ScenarioLoader;
import dev.snow.sim.scenario.SeedRange;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code snow-sim run FILE [--seed N | --seeds A..B]}: runs a scenario and judges it. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a scenario file for one seed or a range of seeds and checks its invariants and expectations.",
            "A failure prints the seed, a one-line replay command and the trace around the failure.",
            "Without --seed or --seeds the file's own seeds (its 'seeds:' field) are run.",
            "With --real the same file runs against real processes: one adapter process per node (docs/ADAPTER.md),",
            "one Toxiproxy-compatible proxy per directed link, expectations judged on the wall clock (docs/SCENARIOS.md)."},
        footer = {"", "Examples:",
            "  bin/snow-sim run scenarios/one-way-partition.yaml --seed 7",
            "  bin/snow-sim run scenarios/loss-10-percent.yaml --seeds 1..1000 --jobs 2",
            "  bin/snow-sim run scenarios/flapping-link.yaml --seed 3 --trace flap.jsonl",
            "  bin/snow-sim run scenarios/heartbeat-timeout-real.yaml --real",
            "  bin/snow-sim run scenarios/one-way-partition.yaml --real --time-scale 0.1 --timeline t.jsonl",
            "  bin/snow-sim run scenarios/loss-10-percent-real.yaml --real --netfilter-loss",
            "  TOXIPROXY_URL=http://127.0.0.1:8474 bin/snow-sim run scenarios/partition-during-handshake-real.yaml --real --faults url"})
public final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file (YAML, docs/SCENARIOS.md).")
    Path file;

    @Option(names = "--seed", paramLabel = "N", description = "Run this one seed.")
    Long seed;

    @Option(names = "--seeds", paramLabel = "A..B", description = "Run every seed from A to B (a sweep, with a progress line).")
    String seeds;

    @Option(names = "--trace", paramLabel = "OUT.jsonl", description = "Write the whole trace as JSON lines (one seed only).")
    Path trace;

    @Option(names = "--check-determinism", description = "Run each seed twice and fail if the two trace hashes differ.")
    boolean determinism;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
            description = "Seeds run in parallel in a sweep (each simulation stays single-threaded). Default: ${DEFAULT-VALUE}.")
    int jobs;

    @Option(names = "--fail-fast", description = "Stop a sweep at the first failing seed.")
    boolean failFast;

    @Option(names = {"-v", "--verbose"}, description = "Print a line for every seed, passed or not.")
    boolean verbose;

    @Option(names = "--real", description = "Run against real processes (one seed: --seed N or the first of the file's seeds).")
    boolean real;

    @Option(names = "--iut", paramLabel = "COMMAND",
            description = "With --real: the adapter command, run with sh -c once per node boot. Default: the reference node, bin/snow-node --adapter.")
    String iut;

    @Option(names = "--faults", paramLabel = "MODE",
            description = "With --real: auto | url (TOXIPROXY_URL) | testcontainers (needs Docker) | embedded. Default: -Dfaults, else auto (url if TOXIPROXY_URL is set, else embedded).")
    String faults;

    @Option(names = "--timeline", paramLabel = "OUT.jsonl", description = "With --real: write the run's timeline as JSON lines.")
    Path timeline;

    @Option(names = "--time-scale", paramLabel = "X", defaultValue = "1",
            description = "With --real: wall seconds per scenario second (0.5 runs twice as fast: timers, instants and latencies scale). Default: ${DEFAULT-VALUE}.")
    double timeScale;

    @Option(names = "--tolerance", paramLabel = "DURATION", defaultValue = "300ms",
            description = "With --real: how far (wall time) an event may fall outside an expectation's window. Default: ${DEFAULT-VALUE}.")
    String tolerance;

    @Option(names = "--netfilter-loss",
            description = "With --real: loss as true packet drop (nftables rules; Linux, the run re-executes itself under unshare -rn). Skipped with one line where unshare, nft or ip is missing.")
    boolean netfilterLoss;

    @Override
    public Integer call() {
        if (real) {
            return RealCommand.run(spec, file, seed, seeds, trace, determinism, iut, faults, timeline, timeScale, tolerance,
                    netfilterLoss);
        }
        if (iut != null || faults != null || timeline != null || netfilterLoss) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--iut, --faults, --timeline and --netfilter-loss need --real");
        }
        if (seed != null && seeds != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --seed or --seeds, not both");
        }
        if (jobs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1, was " + jobs);
        }
        Scenario scenario;
        try {
            scenario = ScenarioLoader.load(file);
        } catch (ScenarioException e) {
            System.err.println("snow-sim: " + e.getMessage());
            return SnowSim.USAGE;
        }
        SeedRange range;
        try {
            range = seed != null ? new SeedRange(seed, seed) : seeds != null ? SeedRange.parse(seeds) : scenario.seeds();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seeds: " + e.getMessage());
        }
        if (trace != null && range.count() != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--trace needs a single seed (--seed N)");
        }
        if (range.count() == 1) {
            return single(scenario, range.first());
        }
        SeedSweep sweep = new SeedSweep(scenario, range, jobs, determinism, failFast, verbose, System.out, System.err);
        return sweep.run() ? SnowSim.PASSED : SnowSim.FAILED;
    }

    private int single(Scenario scenario, long n) {
        PrintStream out = System.out;
        long started = System.nanoTime();
        RunResult r;
        try (Writer w = trace == null ? null : Files.newBufferedWriter(trace, StandardCharsets.UTF_8)) {
            r = SimulationRunner.run(scenario, n, new RunOptions(w, null));
        } catch (IOException e) {
            System.err.println("snow-sim: cannot write the trace " + trace + ": " + e.getMessage());
            return SnowSim.USAGE;
        }
        double wall = (System.nanoTime() - started) / 1e9;
        if (determinism) {
            RunResult again = SimulationRunner.run(scenario, n);
            if (!again.traceHash().equals(r.traceHash())) {
                out.println("FAILED " + scenario.file() + " seed " + n + ": not deterministic, trace hash " + r.traceHash()
                        + " then " + again.traceHash());
                out.println("  replay: " + FailureReport.replayCommand(scenario.file(), n) + " --check-determinism");
                return SnowSim.FAILED;
            }
        }
        if (!r.passed()) {
            out.print(FailureReport.format(scenario, r));
            return SnowSim.FAILED;
        }
        out.printf(java.util.Locale.ROOT, "PASS %s seed %d: %d events in %.2f s wall (%.0f events/s), virtual %ss, trace hash %s%s%n",
                scenario.file(), n, r.events(), wall, r.events() / Math.max(wall, 1e-9),
                dev.snow.sim.check.TraceFormat.seconds(r.endTime()), r.traceHash(),
                determinism ? " (deterministic: same hash twice)" : "");
        if (verbose) {
            out.println("  network: " + r.network());
            if (!r.swarm().isEmpty()) {
                out.println("  swarm draw: " + String.join("; ", r.swarm()));
            }
        }
        if (trace != null) {
            out.println("  trace: " + trace + " (" + r.traceRecords() + " records)");
        }
        return SnowSim.PASSED;
    }
}
