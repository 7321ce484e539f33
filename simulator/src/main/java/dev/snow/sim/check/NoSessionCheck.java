package dev.snow.sim.check;

import dev.snow.sim.scenario.Expectation;
import java.util.List;

/** {@code no_session}: during the window no node of a holds a session with a node of b, nor b with a. */
final class NoSessionCheck extends ExpectationCheck {
    private final Expectation.NoSession e;
    private String broken;
    private List<String> culprits = List.of();

    NoSessionCheck(Expectation.NoSession e) {
        super(e, e.from());
        this.e = e;
    }

    @Override
    void probe(SessionBook book) {
        for (String a : e.a().nodes()) {
            for (String b : e.b().nodes()) {
                if (!a.equals(b) && broken == null && (book.has(a, b) || book.has(b, a))) {
                    broken = (book.has(a, b) ? a + " held a session with " + b : b + " held a session with " + a)
                            + " at " + at(e.from());
                    culprits = List.of(a, b);
                }
            }
        }
    }

    @Override
    void after(Observation o, SessionBook book) {
        if (broken == null && o instanceof Observation.Up up && in(o.time(), e.from(), e.to())) {
            boolean ab = e.a().contains(up.node()) && e.b().contains(up.peer());
            boolean ba = e.b().contains(up.node()) && e.a().contains(up.peer());
            if (ab || ba) {
                broken = up.node() + " reported node_up of " + up.peer() + " (node_id " + up.nodeId() + ") at " + at(o.time());
                culprits = List.of(up.node(), up.peer());
            }
        }
    }

    @Override
    String verdict(long end, SessionBook book) {
        return broken;
    }

    @Override
    List<String> nodes() {
        return culprits;
    }

    @Override
    long[] window() {
        return new long[] {e.from(), e.to()};
    }
}
