package dev.snow.conformance.harness;

import org.opentest4j.TestAbortedException;

/**
 * The adapter answered {@code unsupported}: the test cannot judge and is reported as skipped
 * with verdict unsupported, never as a pass.
 */
public final class UnsupportedByIut extends TestAbortedException {
    public UnsupportedByIut(String message) {
        super(message);
    }
}
