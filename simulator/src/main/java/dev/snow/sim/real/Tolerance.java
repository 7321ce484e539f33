package dev.snow.sim.real;

import dev.snow.sim.scenario.Expectation;
import java.util.ArrayList;
import java.util.List;

/**
 * Real processes are late by scheduling noise, so an expectation's window is judged with a
 * tolerance {@code t} (scenario nanoseconds): a window in which something must happen
 * ({@code session}, {@code node_up}, {@code node_down}, {@code handshake_failed}) widens to
 * [from - t, to + t]; a window in which something must not happen ({@code no_session},
 * {@code no_node_down}) narrows to [from + t, to - t] (a window shorter than 2t is left out: it
 * cannot be judged at that precision).
 * {@code sessions} at an instant and the uniqueness checks keep their meaning unchanged.
 */
final class Tolerance {
    private Tolerance() {
    }

    static List<Expectation> apply(List<Expectation> in, long t, long duration) {
        List<Expectation> out = new ArrayList<>();
        for (Expectation e : in) {
            Expectation x = apply(e, t, duration);
            if (x != null) {
                out.add(x);
            }
        }
        return out;
    }

    /** The expectation as judged in real mode, or null when its window is too short to judge. */
    static Expectation apply(Expectation e, long t, long duration) {
        if (e instanceof Expectation.Session s) {
            return new Expectation.Session(s.a(), s.b(), lo(s.from(), t), hi(s.to(), t, duration), s.text(), s.line());
        } else if (e instanceof Expectation.NodeUp u) {
            return new Expectation.NodeUp(u.node(), u.peer(), lo(u.from(), t), hi(u.to(), t, duration), u.nodeId(), u.nodeIdOf(),
                    u.creation(), u.direction(), u.text(), u.line());
        } else if (e instanceof Expectation.NodeDown d) {
            return new Expectation.NodeDown(d.node(), d.peer(), d.reasons(), lo(d.from(), t), hi(d.to(), t, duration), d.text(), d.line());
        } else if (e instanceof Expectation.HandshakeFailed f) {
            return new Expectation.HandshakeFailed(f.node(), f.peer(), f.reasons(), f.direction(), lo(f.from(), t),
                    hi(f.to(), t, duration), f.text(), f.line());
        } else if (e instanceof Expectation.NoSession s) {
            long[] w = narrow(s.from(), s.to(), t);
            return w == null ? null : new Expectation.NoSession(s.a(), s.b(), w[0], w[1], s.text(), s.line());
        } else if (e instanceof Expectation.NoNodeDown d) {
            long[] w = narrow(d.from(), d.to(), t);
            return w == null ? null : new Expectation.NoNodeDown(d.node(), d.peer(), d.reasons(), w[0], w[1], d.text(), d.line());
        }
        return e;
    }

    private static long lo(long from, long t) {
        return Math.max(0, from - t);
    }

    private static long hi(long to, long t, long duration) {
        return Math.min(duration, to + t);
    }

    /** [from + t, to - t], or null when that is empty. */
    private static long[] narrow(long from, long to, long t) {
        long a = from + t;
        long b = to - t;
        return a <= b ? new long[] {a, b} : null;
    }
}
