package dev.snow.sim.check;

import dev.snow.sim.scenario.Expectation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code node_down}: every (node, peer) pair sees node_down with an accepted reason in the window. */
final class NodeDownCheck extends ExpectationCheck {
    private final Expectation.NodeDown e;
    private final Set<String> missing = new LinkedHashSet<>();
    private final List<String> seen = new ArrayList<>();

    NodeDownCheck(Expectation.NodeDown e) {
        super(e, Long.MAX_VALUE);
        this.e = e;
        for (String n : e.node().nodes()) {
            for (String p : e.peer().nodes()) {
                if (!n.equals(p)) {
                    missing.add(n + " sees " + p);
                }
            }
        }
    }

    @Override
    void after(Observation o, SessionBook book) {
        if (!(o instanceof Observation.Down d)) {
            return;
        }
        String key = d.node() + " sees " + d.peer();
        if (!missing.contains(key)) {
            return;
        }
        if (in(o.time(), e.from(), e.to()) && e.reasons().contains(d.reason())) {
            missing.remove(key);
        } else if (seen.size() < 4) {
            seen.add(key + " down (" + d.reason() + ") at " + at(o.time()));
        }
    }

    @Override
    String verdict(long end, SessionBook book) {
        if (missing.isEmpty()) {
            return null;
        }
        return "no node_down " + e.reasons() + " in the window for " + String.join(", ", NodeUpCheck.first(missing))
                + (seen.isEmpty() ? "; no other node_down for them either" : "; seen instead: " + String.join("; ", seen));
    }

    @Override
    List<String> nodes() {
        if (missing.isEmpty()) {
            return List.of();
        }
        String[] parts = missing.iterator().next().split(" sees ");
        return List.of(parts[0], parts[1]);
    }

    @Override
    long[] window() {
        return new long[] {e.from(), e.to()};
    }
}
