package dev.snow.conformance.harness;

import org.opentest4j.TestAbortedException;

/** A failure the implementation's expectations file lists: reported as skipped, verdict xfail. */
public final class ExpectedFailure extends TestAbortedException {
    public ExpectedFailure(String reason, Throwable failure) {
        super("XFAIL (expected: " + reason + "): " + failure.getMessage(), failure);
    }
}
