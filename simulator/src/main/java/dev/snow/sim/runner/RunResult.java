package dev.snow.sim.runner;

import dev.snow.sim.check.ExpectationVerifier;
import dev.snow.sim.network.NetworkStats;
import java.util.List;

/**
 * The outcome of one seed. Passed when no invariant broke, no exception escaped and every
 * expectation held. {@code failureTime} is the virtual time of an invariant failure or crash;
 * {@code tail} the last trace records before it.
 */
public record RunResult(String file, long seed, String traceHash, long events, long traceRecords, long endTime,
                        List<String> swarm, String invariant, Throwable error, long failureTime,
                        List<ExpectationVerifier.Unmet> unmet, List<String> tail, NetworkStats network,
                        int peakPending) {

    public boolean passed() {
        return invariant == null && error == null && unmet.isEmpty();
    }

    /** One line: what failed first. */
    public String headline() {
        if (invariant != null) {
            return invariant;
        }
        if (error != null) {
            return "the simulation threw " + error;
        }
        if (!unmet.isEmpty()) {
            return unmet.get(0).describe();
        }
        return "passed";
    }
}
