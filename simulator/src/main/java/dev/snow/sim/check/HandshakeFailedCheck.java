package dev.snow.sim.check;

import dev.snow.sim.scenario.Expectation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code handshake_failed}: every node of the selector reports a matching failure in the window. */
final class HandshakeFailedCheck extends ExpectationCheck {
    private final Expectation.HandshakeFailed e;
    private final Set<String> missing;
    private final List<String> seen = new ArrayList<>();

    HandshakeFailedCheck(Expectation.HandshakeFailed e) {
        super(e, Long.MAX_VALUE);
        this.e = e;
        this.missing = new LinkedHashSet<>(e.node().nodes());
    }

    @Override
    void after(Observation o, SessionBook book) {
        if (!(o instanceof Observation.Failed f) || !missing.contains(f.node())) {
            return;
        }
        boolean ok = in(o.time(), e.from(), e.to()) && e.reasons().contains(f.reason())
                && (e.peer() == null || f.peer() != null && e.peer().contains(f.peer()))
                && (e.direction() == null || e.direction().equals(f.direction()));
        if (ok) {
            missing.remove(f.node());
        } else if (seen.size() < 4) {
            seen.add(f.node() + ": " + f.reason() + " " + f.direction() + " with " + f.peer() + " at " + at(o.time()));
        }
    }

    @Override
    String verdict(long end, SessionBook book) {
        if (missing.isEmpty()) {
            return null;
        }
        return "no matching handshake_failed at " + String.join(", ", NodeUpCheck.first(missing))
                + (seen.isEmpty() ? "" : "; seen instead: " + String.join("; ", seen));
    }

    @Override
    List<String> nodes() {
        List<String> out = new ArrayList<>();
        if (!missing.isEmpty()) {
            out.add(missing.iterator().next());
        }
        if (e.peer() != null && e.peer().nodes().size() == 1) {
            out.add(e.peer().nodes().get(0));
        }
        return out;
    }

    @Override
    long[] window() {
        return new long[] {e.from(), e.to()};
    }
}
