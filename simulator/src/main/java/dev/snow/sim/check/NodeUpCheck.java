package dev.snow.sim.check;

import dev.snow.sim.scenario.Expectation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code node_up}: every node of the selector reports a matching node_up in the window. */
final class NodeUpCheck extends ExpectationCheck {
    private final Expectation.NodeUp e;
    private final Set<String> missing;
    /** For node_id_of: the id the reference peer last came up with, per observing node. */
    private final Map<String, Integer> referenceId = new HashMap<>();
    private final List<String> seen = new ArrayList<>();

    NodeUpCheck(Expectation.NodeUp e) {
        super(e, Long.MAX_VALUE);
        this.e = e;
        this.missing = new LinkedHashSet<>(e.node().nodes());
    }

    @Override
    void after(Observation o, SessionBook book) {
        if (!(o instanceof Observation.Up up)) {
            return;
        }
        if (e.nodeIdOf() != null && up.peer().equals(e.nodeIdOf())) {
            referenceId.put(up.node(), up.nodeId());
        }
        if (!missing.contains(up.node()) || !e.peer().contains(up.peer()) || !in(o.time(), e.from(), e.to())) {
            return;
        }
        Integer wantId = e.nodeId() != null ? e.nodeId() : e.nodeIdOf() != null ? referenceId.get(up.node()) : null;
        boolean ok = (e.nodeId() == null && e.nodeIdOf() == null || wantId != null && wantId == up.nodeId())
                && (e.creation() == null || e.creation() == up.creation())
                && (e.direction() == null || e.direction().equals(up.direction()));
        if (ok) {
            missing.remove(up.node());
        } else if (seen.size() < 3) {
            seen.add(up.node() + " saw " + up.peer() + " with node_id " + up.nodeId() + ", creation " + up.creation()
                    + ", " + up.direction() + " at " + at(o.time())
                    + (e.nodeIdOf() != null ? " (" + e.nodeIdOf() + " had node_id " + wantId + ")" : ""));
        }
    }

    @Override
    String verdict(long end, SessionBook book) {
        if (missing.isEmpty()) {
            return null;
        }
        return "no matching node_up at " + String.join(", ", first(missing)) + (seen.isEmpty() ? "" : "; non-matching: "
                + String.join("; ", seen));
    }

    static List<String> first(Set<String> s) {
        List<String> out = new ArrayList<>();
        for (String x : s) {
            if (out.size() == 5) {
                out.add("... (" + s.size() + " in all)");
                break;
            }
            out.add(x);
        }
        return out;
    }

    @Override
    List<String> nodes() {
        List<String> out = new ArrayList<>();
        if (!missing.isEmpty()) {
            out.add(missing.iterator().next());
        }
        if (e.peer().nodes().size() == 1) {
            out.add(e.peer().nodes().get(0));
        }
        return out;
    }

    @Override
    long[] window() {
        return new long[] {e.from(), e.to()};
    }
}
