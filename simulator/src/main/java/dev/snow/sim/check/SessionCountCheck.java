package dev.snow.sim.check;

import dev.snow.sim.scenario.Expectation;
import java.util.List;

/** {@code sessions}: at the instant, each node holds between min and max sessions. */
final class SessionCountCheck extends ExpectationCheck {
    private final Expectation.SessionCount e;
    private String broken;
    private String culprit;

    SessionCountCheck(Expectation.SessionCount e) {
        super(e, e.at());
        this.e = e;
    }

    @Override
    void probe(SessionBook book) {
        for (String n : e.node().nodes()) {
            int c = book.count(n);
            if (c < e.min() || c > e.max()) {
                broken = n + " held " + c + " session(s) at " + at(e.at());
                culprit = n;
                return;
            }
        }
    }

    @Override
    String verdict(long end, SessionBook book) {
        return broken;
    }

    @Override
    List<String> nodes() {
        return culprit == null ? List.of() : List.of(culprit);
    }

    @Override
    long[] window() {
        return new long[] {Math.max(0, e.at() - 5_000_000_000L), e.at()};
    }
}
