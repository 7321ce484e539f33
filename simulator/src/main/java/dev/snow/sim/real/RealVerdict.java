package dev.snow.sim.real;

import dev.snow.sim.check.ExpectationVerifier;
import dev.snow.sim.check.Observation;
import dev.snow.sim.scenario.Scenario;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * After the run: the observations, in time order, judged by the simulator's own {@link
 * ExpectationVerifier} with the windows moved by the tolerance ({@link Tolerance}); and the
 * failure report (what broke, the replay command, the adapters' logs, the timeline).
 */
final class RealVerdict {
    private RealVerdict() {
    }

    static RealResult judge(RunState run, long startedNanos) {
        Scenario s = run.scenario;
        List<String> failures = run.errors();
        long tolerance = (long) (run.opt.tolerance() / run.opt.timeScale());
        Scenario judged = new Scenario(s.file(), s.name(), s.description(), s.seeds(), s.duration(), s.network(), s.nodes(),
                s.groups(), s.links(), s.timeline(), Tolerance.apply(s.expectations(), tolerance, s.duration()), s.swarm());
        ExpectationVerifier v = new ExpectationVerifier(judged);
        for (Observation o : run.observations()) {
            if (o.time() <= s.duration()) {
                v.observe(o);
            }
        }
        for (ExpectationVerifier.Unmet u : v.finish(s.duration())) {
            failures.add(u.describe());
        }
        return result(run, failures, startedNanos);
    }

    static RealResult result(RunState run, List<String> failures, long startedNanos) {
        double wall = (System.nanoTime() - startedNanos) / 1e9;
        int events = run.eventCount();
        if (failures.isEmpty()) {
            return new RealResult(RealResult.Status.PASSED, List.of(), events, wall);
        }
        return new RealResult(RealResult.Status.FAILED, failures, events, wall);
    }

    /** The failure report: what broke, the replay command, where the adapters' logs are, the timeline. */
    static void printFailure(RunState run, RealResult r, String faults, Path logDir) {
        PrintStream out = run.opt.out();
        out.printf(Locale.ROOT, "FAILED %s seed %d in real mode (%.1f s wall, %d events, faults %s)%n", run.scenario.file(), run.seed,
                r.wallSeconds(), r.events(), faults);
        out.println("  replay: " + replayCommand(run.scenario.file(), run.seed, run.opt));
        for (String f : r.failures()) {
            out.println("  " + f);
        }
        if (logDir != null) {
            out.println("  adapter logs (stderr, one file per boot): " + logDir);
        }
        Timeline timeline = run.timeline;
        if (timeline != null) {
            out.println("  timeline (t = scenario seconds, wall_ms since the start):");
            timeline.print(out, 300);
        }
    }

    /** The one-line command that runs the same scenario, seed and settings again. */
    static String replayCommand(String file, long seed, RealOptions opt) {
        StringBuilder b = new StringBuilder("bin/snow-sim run ").append(file).append(" --real --seed ").append(seed)
                .append(" --faults ").append(opt.faults().wire());
        if (!opt.iut().endsWith("bin/snow-node' --adapter")) {
            b.append(" --iut '").append(opt.iut().replace("'", "'\\''")).append("'");
        }
        if (opt.timeScale() != 1.0) {
            b.append(" --time-scale ").append(opt.timeScale());
        }
        if (opt.tolerance() != RealOptions.DEFAULT_TOLERANCE) {
            b.append(" --tolerance ").append(opt.tolerance() / 1_000_000).append("ms");
        }
        return b.toString();
    }
}
