package dev.snow.sim.check;

import dev.snow.sim.scenario.Expectation;
import dev.snow.sim.scenario.Units;
import java.util.List;

/**
 * The judge of one expectation, fed the observations in time order. A check may ask for one
 * probe: a look at the sessions as they stand at instant {@link #probeAt} (after every
 * observation at or before it).
 */
abstract class ExpectationCheck {
    final Expectation expectation;
    private final long probeAt;
    private boolean probed;

    ExpectationCheck(Expectation expectation, long probeAt) {
        this.expectation = expectation;
        this.probeAt = probeAt;
    }

    /** An observation at {@code t} is about to be applied. */
    final void advance(long t, SessionBook book) {
        if (!probed && probeAt < t) {
            probed = true;
            probe(book);
        }
    }

    final String finish(long end, SessionBook book) {
        if (!probed && probeAt <= end) {
            probed = true;
            probe(book);
        }
        return verdict(end, book);
    }

    void probe(SessionBook book) {
    }

    /** Sees {@code o} before the book applies it. */
    void before(Observation o, SessionBook book) {
    }

    /** Sees {@code o} after the book applied it. */
    void after(Observation o, SessionBook book) {
    }

    /** Null when the expectation holds, else why not. */
    abstract String verdict(long end, SessionBook book);

    /** The nodes a failure report should show the trace of. */
    abstract List<String> nodes();

    /** The window a failure report should show the trace of. */
    abstract long[] window();

    static boolean in(long t, long from, long to) {
        return t >= from && t <= to;
    }

    static String at(long t) {
        return Units.format(t);
    }
}
