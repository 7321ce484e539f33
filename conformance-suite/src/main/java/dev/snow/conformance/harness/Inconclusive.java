package dev.snow.conformance.harness;

import org.opentest4j.TestAbortedException;

/**
 * A measurement that could not reach a verdict within its stated budget because its own
 * positive control was not detected (the machine is too noisy to judge at that budget). It is
 * reported as verdict inconclusive: never a pass, never an unexpected pass of a listed expected
 * failure, shown on its own line in the summary and the report.
 */
public final class Inconclusive extends TestAbortedException {
    public Inconclusive(String message) {
        super(message);
    }
}
