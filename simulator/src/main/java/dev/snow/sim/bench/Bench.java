package dev.snow.sim.bench;

import dev.snow.sim.runner.RunResult;
import dev.snow.sim.runner.SimulationRunner;
import dev.snow.sim.scenario.Scenario;
import dev.snow.sim.scenario.ScenarioLoader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The performance harness (not a test): two baselines measured in the same JVM, then scenario
 * runs, each reported as events, wall time, events per second and the ratio to the baselines.
 * <ul>
 *   <li>{@code engine}: the event queue alone, no-op events (the ceiling of any simulation);</li>
 *   <li>{@code core}: two reference cores wired back to back, no network, no checks (what the
 *       protocol code itself costs per event);</li>
 *   <li>scenario files from {@code scenarios/bench/} and {@code scenarios/}: the simulator with
 *       its virtual network, invariants after every event, expectations and trace hash.</li>
 * </ul>
 * Wall time is read here only to report speed; it never reaches a simulation.
 */
public final class Bench {
    private final PrintStream out;
    private final List<String[]> rows = new ArrayList<>();
    /** Baseline events per cpu second. */
    private double engineRate;
    private double coreRate;

    public Bench(PrintStream out) {
        this.out = out;
    }

    /** The named benchmarks in order; returns false if a scenario run failed its checks. */
    public boolean run(Path scenarios, List<String> which, long seed) throws Exception {
        out.printf(Locale.ROOT, "snow-sim bench: Java %s, %d processors, max heap %.1f GiB, JVM options %s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (double) (1L << 30),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        if (which.stream().anyMatch(w -> w.startsWith("full-mesh-1000")) && Runtime.getRuntime().maxMemory() < (8L << 30)) {
            out.println("warning: the 1,000-node mesh peaks at about 4.5 GiB of heap; with less than 8 GiB it spends its time"
                    + " collecting garbage. Run with SNOW_SIM_JAVA_OPTS=-Xmx10g.");
        }
        boolean ok = true;
        for (String name : which) {
            switch (name) {
                case "engine":
                    engineRate = EngineBaseline.measure(out);
                    row("engine baseline (no-op events)", EngineBaseline.EVENTS, EngineBaseline.lastWall, EngineBaseline.lastCpu,
                            engineRate, 0, "");
                    break;
                case "core":
                    coreRate = CoreBaseline.measure(out);
                    row("core baseline (hub + 200 cores, no network)", CoreBaseline.lastEvents, CoreBaseline.lastWall,
                            CoreBaseline.lastCpu, coreRate, 0, "");
                    break;
                default: {
                    int at = name.lastIndexOf('@');
                    int seeds = at > 0 ? Integer.parseInt(name.substring(at + 1)) : 1;
                    ok &= scenario(resolve(scenarios, at > 0 ? name.substring(0, at) : name), seed, seeds);
                }
            }
        }
        out.println();
        out.printf(Locale.ROOT, "%-44s %12s %9s %9s %12s %12s %7s %7s %8s  %s%n", "benchmark", "events", "wall s", "cpu s",
                "events/s", "per cpu s", "/engine", "/core", "heap MiB", "notes");
        for (String[] r : rows) {
            out.printf(Locale.ROOT, "%-44s %12s %9s %9s %12s %12s %7s %7s %8s  %s%n", (Object[]) r);
        }
        out.println("(/engine, /core: events per cpu second divided by the baseline's, measured in this run;"
                + " wall time depends on the machine's load, cpu time less so)");
        return ok;
    }

    private static Path resolve(Path scenarios, String name) {
        for (Path p : new Path[] {scenarios.resolve("bench").resolve(name + ".yaml"), scenarios.resolve(name + ".yaml"),
            Path.of(name)}) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no benchmark or scenario named " + name + " (looked in " + scenarios.resolve("bench")
                + " and " + scenarios + ")");
    }

    /** Runs {@code seeds} seeds from {@code seed} (after one untimed warm-up run when more than one) and reports them together. */
    private boolean scenario(Path file, long seed, int seeds) {
        Scenario s = ScenarioLoader.load(file);
        out.printf(Locale.ROOT, "running %s (%d nodes, %s virtual) seed%s %d%s ...%n", s.file(), s.nodes().size(),
                dev.snow.sim.scenario.Units.format(s.duration()), seeds > 1 ? "s" : "", seed,
                seeds > 1 ? ".." + (seed + seeds - 1) + " after a warm-up run" : "");
        if (seeds > 1) {
            SimulationRunner.run(s, seed + seeds);
        }
        System.gc();
        resetPeaks();
        long events = 0;
        long wall = 0;
        long cpu = 0;
        boolean passed = true;
        RunResult last = null;
        for (long n = seed; n < seed + seeds; n++) {
            long start = System.nanoTime();
            long cpu0 = Cpu.now();
            last = SimulationRunner.run(s, n);
            cpu += Cpu.now() - cpu0;
            wall += System.nanoTime() - start;
            events += last.events();
            if (!last.passed()) {
                passed = false;
                out.println("  seed " + n + " FAILED: " + last.headline());
            }
        }
        double rate = events / (wall / 1e9);
        String note = (passed ? "passed" : "FAILED") + "; peak pending events " + last.peakPending() + "; " + last.network()
                + (seeds > 1 ? " (last seed)" : "");
        row(s.name() + (seeds > 1 ? " seeds " + seed + ".." + (seed + seeds - 1) : " seed " + seed), events, wall, cpu, rate,
                peakHeapMiB(), note);
        out.printf(Locale.ROOT, "  %d events in %.2f s wall, %.2f s cpu = %.0f events/s wall, %.0f per cpu second; %s%n",
                events, wall / 1e9, cpu / 1e9, rate, events / (cpu / 1e9), note);
        return passed;
    }

    private void row(String name, long events, long wallNanos, long cpuNanos, double rate, long heapMiB, String note) {
        double perCpu = events / (cpuNanos / 1e9);
        rows.add(new String[] {name, String.format(Locale.ROOT, "%,d", events), String.format(Locale.ROOT, "%.2f", wallNanos / 1e9),
            String.format(Locale.ROOT, "%.2f", cpuNanos / 1e9), String.format(Locale.ROOT, "%,.0f", rate),
            String.format(Locale.ROOT, "%,.0f", perCpu), ratio(perCpu, engineRate), ratio(perCpu, coreRate),
            heapMiB == 0 ? "" : Long.toString(heapMiB), note});
    }

    private static String ratio(double rate, double base) {
        return base == 0 ? "-" : String.format(Locale.ROOT, "%.3f", rate / base);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the last reset (an upper bound of the live heap). */
    private static long peakHeapMiB() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }
}
