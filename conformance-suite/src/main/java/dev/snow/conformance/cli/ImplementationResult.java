package dev.snow.conformance.cli;

import dev.snow.conformance.harness.Expectations;
import dev.snow.conformance.harness.Implementation;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything one implementation's run produced.
 *
 * @param adapterInfo the adapter's ready line ("name version, adapter 1"), or null
 * @param error       why the run could not happen at all (bad adapter), or null
 * @param unmatched   expectation entries that matched no test that ran (each one an error)
 * @param seed        the seed of the run's random choices, or null when it did not run
 */
public record ImplementationResult(Implementation implementation, String adapterInfo, String error,
                                   List<TestRecord> tests, List<Expectations.Entry> unmatched, long millis, Path output,
                                   Long seed) {
    public ImplementationResult(Implementation implementation, String adapterInfo, String error,
                                List<TestRecord> tests, List<Expectations.Entry> unmatched, long millis, Path output) {
        this(implementation, adapterInfo, error, tests, unmatched, millis, output, null);
    }

    /** True when nothing unexpected happened. */
    public boolean ok() {
        return error == null && unmatched.isEmpty() && tests.stream().noneMatch(t -> t.verdict().breaksRun);
    }
}
