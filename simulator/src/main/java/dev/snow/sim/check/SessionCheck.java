package dev.snow.sim.check;

import dev.snow.sim.scenario.Expectation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code session}: at some instant of the window every pair holds a session on both sides. */
final class SessionCheck extends ExpectationCheck {
    private final Expectation.Session e;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> names;
    /** Unordered pairs not yet seen connected, as lo * n + hi over node indexes. */
    private final Set<Long> waiting = new HashSet<>();
    private final long n;

    SessionCheck(Expectation.Session e, List<String> allNodes) {
        super(e, e.from());
        this.e = e;
        this.names = allNodes;
        this.n = allNodes.size();
        for (int i = 0; i < allNodes.size(); i++) {
            index.put(allNodes.get(i), i);
        }
        for (String a : e.a().nodes()) {
            for (String b : e.b().nodes()) {
                if (!a.equals(b)) {
                    waiting.add(key(a, b));
                }
            }
        }
    }

    private long key(String a, String b) {
        long x = index.get(a);
        long y = index.get(b);
        return Math.min(x, y) * n + Math.max(x, y);
    }

    @Override
    void probe(SessionBook book) {
        List<Long> done = new ArrayList<>();
        for (long k : waiting) {
            String a = names.get((int) (k / n));
            String b = names.get((int) (k % n));
            if (book.has(a, b) && book.has(b, a)) {
                done.add(k);
            }
        }
        done.forEach(waiting::remove);
    }

    @Override
    void after(Observation o, SessionBook book) {
        if (o instanceof Observation.Up up && in(o.time(), e.from(), e.to()) && !waiting.isEmpty()) {
            Integer x = index.get(up.node());
            Integer y = index.get(up.peer());
            if (x != null && y != null && !x.equals(y)) {
                long k = Math.min(x, y) * n + Math.max(x, y);
                if (waiting.contains(k) && book.has(up.peer(), up.node())) {
                    waiting.remove(k);
                }
            }
        }
    }

    @Override
    String verdict(long end, SessionBook book) {
        if (waiting.isEmpty()) {
            return null;
        }
        List<Long> left = new ArrayList<>(waiting);
        left.sort(null);
        String a = names.get((int) (left.get(0) / n));
        String b = names.get((int) (left.get(0) % n));
        return left.size() + " pair(s) never held a session on both sides during the window; first: " + a + " <-> " + b
                + " (now: " + a + (book.has(a, b) ? " has" : " has no") + " session, " + b
                + (book.has(b, a) ? " has" : " has no") + " session)";
    }

    @Override
    List<String> nodes() {
        if (waiting.isEmpty()) {
            return List.of();
        }
        long k = waiting.stream().min(Long::compare).orElseThrow();
        return List.of(names.get((int) (k / n)), names.get((int) (k % n)));
    }

    @Override
    long[] window() {
        return new long[] {e.from(), e.to()};
    }
}
