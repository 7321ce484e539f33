package dev.snow.sim.runner;

import dev.snow.sim.check.TraceLog;
import java.io.Writer;

/**
 * How to run one seed: where to write the JSON-lines trace (null: nowhere) and what to capture
 * for a failure report (null: nothing beyond the ring of the last records).
 */
public record RunOptions(Writer traceOut, TraceLog.Capture capture) {
    public static final RunOptions DEFAULT = new RunOptions(null, null);
}
