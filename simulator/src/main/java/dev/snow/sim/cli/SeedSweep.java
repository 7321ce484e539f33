package dev.snow.sim.cli;

import dev.snow.sim.runner.FailureReport;
import dev.snow.sim.runner.RunResult;
import dev.snow.sim.runner.SimulationRunner;
import dev.snow.sim.scenario.Scenario;
import dev.snow.sim.scenario.SeedRange;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs a scenario over a seed range with a progress line on stderr
 * ({@code seeds done / failed / events per second}), prints the full report of the first
 * failures and a summary. Each seed is one independent, single-threaded simulation; with
 * {@code --jobs N} up to N of them run side by side, which changes nothing inside any of them.
 */
final class SeedSweep {
    private static final int FULL_REPORTS = 3;

    private final Scenario scenario;
    private final SeedRange range;
    private final int jobs;
    private final boolean determinism;
    private final boolean failFast;
    private final boolean verbose;
    private final PrintStream out;
    private final PrintStream err;

    private long done;
    private long events;
    private final List<Long> failed = new ArrayList<>();
    private long lastProgress;
    private final long started = System.nanoTime();

    SeedSweep(Scenario scenario, SeedRange range, int jobs, boolean determinism, boolean failFast, boolean verbose,
              PrintStream out, PrintStream err) {
        this.scenario = scenario;
        this.range = range;
        this.jobs = jobs;
        this.determinism = determinism;
        this.failFast = failFast;
        this.verbose = verbose;
        this.out = out;
        this.err = err;
    }

    /** True when every seed passed. */
    boolean run() {
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "snow-sim-seed");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RunResult[]>> window = new ArrayList<>();
            long next = range.first();
            while (next <= range.last() || !window.isEmpty()) {
                while (next <= range.last() && window.size() < jobs * 2) {
                    long seed = next++;
                    window.add(pool.submit(() -> runSeed(seed)));
                }
                RunResult[] r = window.remove(0).get();
                record(r);
                if (failFast && !failed.isEmpty()) {
                    window.forEach(f -> f.cancel(true));
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a seed's run escaped its own error handling", e.getCause());
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        progress(true);
        double wall = (System.nanoTime() - started) / 1e9;
        out.printf(Locale.ROOT, "%s seeds %s: %d passed, %d failed%s; %d events in %.1f s (%.0f events/s)%n",
                scenario.file(), range, done - failed.size(), failed.size(), failed.isEmpty() ? "" : " (seeds " + list(failed) + ")",
                events, wall, events / Math.max(wall, 1e-9));
        return failed.isEmpty();
    }

    private RunResult[] runSeed(long seed) {
        RunResult r = SimulationRunner.run(scenario, seed);
        if (!determinism) {
            return new RunResult[] {r};
        }
        return new RunResult[] {r, SimulationRunner.run(scenario, seed)};
    }

    private void record(RunResult[] rs) {
        RunResult r = rs[0];
        done++;
        events += r.events();
        boolean deterministic = rs.length == 1 || rs[1].traceHash().equals(r.traceHash());
        if (!r.passed() || !deterministic) {
            failed.add(r.seed());
            clearProgress();
            if (!deterministic) {
                out.println("FAILED " + scenario.file() + " seed " + r.seed() + ": not deterministic, trace hash "
                        + r.traceHash() + " then " + rs[1].traceHash());
                out.println("  replay: " + FailureReport.replayCommand(scenario.file(), r.seed()) + " --check-determinism");
            } else if (failed.size() <= FULL_REPORTS) {
                out.print(FailureReport.format(scenario, r));
            } else {
                out.println("FAILED " + scenario.file() + " seed " + r.seed() + ": " + r.headline());
                out.println("  replay: " + FailureReport.replayCommand(scenario.file(), r.seed()));
            }
        } else if (verbose) {
            clearProgress();
            out.println("PASS seed " + r.seed() + ": " + r.events() + " events, trace hash " + r.traceHash());
        }
        progress(false);
    }

    private void progress(boolean last) {
        long now = System.nanoTime();
        if (!last && now - lastProgress < 1_000_000_000L && done < range.count()) {
            return;
        }
        lastProgress = now;
        double wall = (now - started) / 1e9;
        err.printf(Locale.ROOT, "\r[%s] seeds %d/%d done, %d failed, %.2fM events/s   ", scenario.name(), done, range.count(),
                failed.size(), events / Math.max(wall, 1e-9) / 1e6);
        if (last) {
            err.println();
        }
        err.flush();
    }

    private void clearProgress() {
        if (lastProgress != 0) {
            err.print("\r" + " ".repeat(78) + "\r");
            err.flush();
        }
    }

    private static String list(List<Long> seeds) {
        List<Long> sorted = new ArrayList<>(seeds);
        sorted.sort(null);
        if (sorted.size() > 20) {
            return sorted.subList(0, 20) + " and " + (sorted.size() - 20) + " more";
        }
        return sorted.toString();
    }
}
