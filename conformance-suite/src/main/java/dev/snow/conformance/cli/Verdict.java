package dev.snow.conformance.cli;

/**
 * Outcome of one test, and (aggregated) of one requirement. In order of precedence when a
 * requirement has several tests: one unexpected failure makes the requirement fail.
 */
public enum Verdict {
    /** Failed and not expected to (or a harness/adapter error). */
    FAIL("fail", true),
    /** Listed as an expected failure but passed: the expectation is stale. */
    XPASS("XPASS", true),
    /** Failed as its expectations file says, with the reason given there. */
    XFAIL("xfail", false),
    /** A SHOULD is not met: a warning, never a failure. */
    WARNING("warning", false),
    /**
     * A measurement ran out of its stated budget before its positive control was detected: not
     * judged. Never a pass (nor an unexpected pass of an expected failure); the summary lists it.
     */
    INCONCLUSIVE("inconclusive", false),
    /** The adapter answered unsupported: skipped, never a pass. */
    UNSUPPORTED("unsupported", false),
    /** Skipped for another reason (the environment, e.g. port 9000 busy). */
    SKIPPED("skipped", false),
    PASS("pass", false),
    /** A demonstration or measurement reported for information. */
    INFORMATIONAL("informational", false),
    /** No test covers the requirement. */
    NOT_TESTED("not tested", false);

    public final String label;
    /** Whether it makes the run fail. */
    public final boolean breaksRun;

    Verdict(String label, boolean breaksRun) {
        this.label = label;
        this.breaksRun = breaksRun;
    }
}
