package dev.snow.sim.check;

import dev.snow.sim.scenario.Expectation;
import java.util.List;
import java.util.Map;

/**
 * {@code unique_sessions} (no node_up for a peer that already has a session at that node) and
 * {@code unique_node_ids} (no node_up with a node_id a live session holds, or outside
 * 1..max_node_id), judged from events alone.
 */
final class UniquenessCheck extends ExpectationCheck {
    private final boolean ids;
    private final Map<String, Integer> maxNodeId;
    private Observation.Up first;
    private String why;

    UniquenessCheck(Expectation e, boolean ids, Map<String, Integer> maxNodeId) {
        super(e, Long.MAX_VALUE);
        this.ids = ids;
        this.maxNodeId = maxNodeId;
    }

    @Override
    void before(Observation o, SessionBook book) {
        if (first != null || !(o instanceof Observation.Up up)) {
            return;
        }
        if (!ids && book.has(up.node(), up.peer())) {
            first = up;
            why = up.node() + " reported node_up of " + up.peer() + " at " + at(up.time()) + " while it already held a session with it (node_id "
                    + book.session(up.node(), up.peer()).nodeId() + ")";
        } else if (ids) {
            String holder = book.holderOf(up.node(), up.nodeId());
            Integer max = maxNodeId.get(up.node());
            if (holder != null && !holder.equals(up.peer())) {
                first = up;
                why = up.node() + " gave node_id " + up.nodeId() + " to " + up.peer() + " at " + at(up.time())
                        + " while " + holder + " held it";
            } else if (up.nodeId() < 1 || max != null && up.nodeId() > max) {
                first = up;
                why = up.node() + " gave node_id " + up.nodeId() + " to " + up.peer() + ", outside 1.." + max;
            }
        }
    }

    @Override
    String verdict(long end, SessionBook book) {
        return why;
    }

    @Override
    List<String> nodes() {
        return first == null ? List.of() : List.of(first.node(), first.peer());
    }

    @Override
    long[] window() {
        return first == null ? new long[] {0, 0} : new long[] {Math.max(0, first.time() - 5_000_000_000L), first.time()};
    }
}
