package dev.snow.sim.check;

import dev.snow.sim.scenario.Expectation;
import java.util.List;

/** {@code no_node_down}: no matching node_down in the window. */
final class NoNodeDownCheck extends ExpectationCheck {
    private final Expectation.NoNodeDown e;
    private Observation.Down first;

    NoNodeDownCheck(Expectation.NoNodeDown e) {
        super(e, Long.MAX_VALUE);
        this.e = e;
    }

    @Override
    void after(Observation o, SessionBook book) {
        if (first == null && o instanceof Observation.Down d && in(o.time(), e.from(), e.to())
                && e.node().contains(d.node()) && e.peer().contains(d.peer())
                && (e.reasons().isEmpty() || e.reasons().contains(d.reason()))) {
            first = d;
        }
    }

    @Override
    String verdict(long end, SessionBook book) {
        return first == null ? null : first.node() + " reported node_down of " + first.peer() + " (" + first.reason()
                + ", node_id " + first.nodeId() + ") at " + at(first.time());
    }

    @Override
    List<String> nodes() {
        return first == null ? List.of() : List.of(first.node(), first.peer());
    }

    @Override
    long[] window() {
        return first == null ? new long[] {e.from(), e.to()} : new long[] {e.from(), first.time()};
    }
}
