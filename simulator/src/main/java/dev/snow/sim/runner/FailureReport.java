package dev.snow.sim.runner;

import dev.snow.sim.check.ExpectationVerifier;
import dev.snow.sim.check.TraceFormat;
import dev.snow.sim.check.TraceLog;
import dev.snow.sim.scenario.Scenario;
import dev.snow.sim.scenario.Units;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * What a failed seed prints: the seed, a one-line replay command, what broke, and the trace
 * around it. For an invariant or an exception that is the last records before it; for an
 * unmet expectation the run is replayed (it is deterministic) capturing the records of the
 * nodes involved in the expectation's window.
 */
public final class FailureReport {
    public static final String LAUNCHER = "bin/snow-sim";
    private static final int CONTEXT = 40;

    private FailureReport() {
    }

    public static String replayCommand(String file, long seed) {
        return launcher() + " run " + file + " --seed " + seed;
    }

    /**
     * The launcher as the user can type it from the working directory (where the scenario path
     * they gave is relative to): bin/snow-sim passes its own path in {@code snow.sim.launcher}.
     */
    static String launcher() {
        String given = System.getProperty("snow.sim.launcher", "").strip();
        if (given.isEmpty()) {
            return LAUNCHER;
        }
        java.nio.file.Path cwd = java.nio.file.Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        String rel = cwd.relativize(java.nio.file.Path.of(given).toAbsolutePath().normalize()).toString();
        return rel.contains("/") ? rel : "./" + rel;
    }

    public static String format(Scenario s, RunResult r) {
        return format(s, r, RunOptions.DEFAULT);
    }

    /** {@code options} must be those of the failed run (its core factory), so the replay matches. */
    public static String format(Scenario s, RunResult r, RunOptions options) {
        StringBuilder b = new StringBuilder();
        b.append("FAILED ").append(r.file()).append(" seed ").append(r.seed()).append(" (trace hash ").append(r.traceHash())
                .append(", ").append(r.events()).append(" events, virtual time ").append(TraceFormat.seconds(r.endTime()))
                .append("s)\n");
        b.append("  replay: ").append(replayCommand(r.file(), r.seed())).append('\n');
        if (!r.swarm().isEmpty()) {
            b.append("  swarm draw: ").append(String.join("; ", r.swarm())).append('\n');
        }
        if (r.invariant() != null || r.error() != null) {
            b.append("  at t=").append(TraceFormat.seconds(r.failureTime())).append("s: ").append(r.headline()).append('\n');
            if (r.error() != null) {
                StringWriter sw = new StringWriter();
                r.error().printStackTrace(new PrintWriter(sw));
                b.append(indent(sw.toString(), "    "));
            }
            b.append("  trace before the failure (last ").append(r.tail().size()).append(" records):\n");
            for (String line : r.tail()) {
                b.append("    ").append(line).append('\n');
            }
            return b.toString();
        }
        for (ExpectationVerifier.Unmet u : r.unmet()) {
            b.append("  ").append(u.describe()).append('\n');
        }
        ExpectationVerifier.Unmet first = r.unmet().get(0);
        List<String> nodes = first.nodes();
        if (!nodes.isEmpty()) {
            TraceLog.Capture c = capture(s, nodes, first.window());
            RunResult again = SimulationRunner.run(s, r.seed(), new RunOptions(null, c, options.cores()));
            b.append("  trace of ").append(String.join(", ", nodes)).append(" in [")
                    .append(Units.format(first.window()[0])).append(", ").append(Units.format(first.window()[1])).append("]");
            if (!again.traceHash().equals(r.traceHash())) {
                b.append(" (WARNING: the replay gave trace hash ").append(again.traceHash()).append(", not deterministic)");
            }
            b.append(c.dropped() > 0 ? " (last " + c.lines().size() + " records):\n" : ":\n");
            for (String line : c.lines()) {
                b.append("    ").append(line).append('\n');
            }
        }
        return b.toString();
    }

    private static TraceLog.Capture capture(Scenario s, List<String> nodes, long[] window) {
        boolean[] wanted = new boolean[s.nodes().size()];
        for (int i = 0; i < wanted.length; i++) {
            wanted[i] = nodes.contains(s.nodes().get(i).name());
        }
        return new TraceLog.Capture(wanted, window[0], window[1], CONTEXT);
    }

    private static String indent(String text, String prefix) {
        StringBuilder b = new StringBuilder();
        for (String line : text.split("\n")) {
            b.append(prefix).append(line).append('\n');
        }
        return b.toString();
    }
}
