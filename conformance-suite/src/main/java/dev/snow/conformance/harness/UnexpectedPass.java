package dev.snow.conformance.harness;

/** A test the expectations file says fails has passed (XPASS): the entry is stale and fails the run. */
public final class UnexpectedPass extends AssertionError {
    public UnexpectedPass(String testKey, String reason, java.nio.file.Path file) {
        super("XPASS: " + testKey + " passed, but " + (file == null ? "the expectations" : file)
                + " lists it as an expected failure (\"" + reason + "\"); remove the entry");
    }
}
