package dev.snow.conformance.harness;

import org.opentest4j.TestAbortedException;

/** A SHOULD is not met: a warning (reported as skipped), never a failure (docs/requirements.json, levels). */
public final class ShouldDeviation extends TestAbortedException {
    public ShouldDeviation(Throwable failure) {
        super("WARNING (SHOULD not met): " + failure.getMessage(), failure);
    }
}
