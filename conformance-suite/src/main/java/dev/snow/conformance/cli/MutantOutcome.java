package dev.snow.conformance.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the suite did to one mutant: killed when at least one of the requirements it must break
 * failed (by precise attribution), survived otherwise; not run when its adapter could not start.
 *
 * @param failed every requirement that failed, named or not
 * @param killers the failed tests that killed it: "test: message"
 */
record MutantOutcome(MutantSpec mutant, int tests, Set<String> failed, List<String> killers, String error, long millis) {
    /** KNOWN_SURVIVOR: survived, as its registry line says it must for now; STALE: killed despite that mark. */
    enum Status {
        KILLED(false), SURVIVED(true), KNOWN_SURVIVOR(false), STALE(true), NOT_RUN(true);

        final boolean failsGate;

        Status(boolean failsGate) {
            this.failsGate = failsGate;
        }
    }

    Status status() {
        if (error != null) {
            return Status.NOT_RUN;
        }
        if (mutant.awaiting() != null) {
            return killers.isEmpty() ? Status.KNOWN_SURVIVOR : Status.STALE;
        }
        return killers.isEmpty() ? Status.SURVIVED : Status.KILLED;
    }

    /** Judges one mutant's run. */
    static MutantOutcome of(MutantSpec m, ImplementationResult r) {
        if (r.error() != null) {
            return new MutantOutcome(m, 0, Set.of(), List.of(), r.error(), r.millis());
        }
        Set<String> failed = new LinkedHashSet<>();
        List<String> killers = new java.util.ArrayList<>();
        for (TestRecord t : r.tests()) {
            if (t.verdict() != Verdict.FAIL) {
                continue;
            }
            failed.addAll(t.requirements());
            if (t.requirements().stream().anyMatch(m.breaks()::contains)) {
                killers.add(t.key() + " " + t.requirements() + ": " + RunRecorder.abbreviate(String.valueOf(t.message()).replace('\n', ' '), 300));
            }
        }
        return new MutantOutcome(m, r.tests().size(), failed, killers, null, r.millis());
    }
}
