package dev.snow.sim.runner;

import dev.snow.sim.check.TraceLog;
import java.io.Writer;

/**
 * How to run one seed: where to write the JSON-lines trace (null: nowhere), what to capture
 * for a failure report (null: nothing beyond the ring of the last records) and which core the
 * nodes run.
 */
public record RunOptions(Writer traceOut, TraceLog.Capture capture, CoreFactory cores) {
    public static final RunOptions DEFAULT = new RunOptions(null, null, CoreFactory.REFERENCE);

    public RunOptions(Writer traceOut, TraceLog.Capture capture) {
        this(traceOut, capture, CoreFactory.REFERENCE);
    }

    public RunOptions withCores(CoreFactory factory) {
        return new RunOptions(traceOut, capture, factory);
    }
}
