package dev.snow.sim.check;

import java.util.HashMap;
import java.util.Map;

/**
 * The sessions each node holds, as its events tell: node_up adds, node_down removes, a stop or
 * crash clears. Also which peer holds each node_id. Lookups only; nothing iterates it.
 */
final class SessionBook {
    private final Map<String, Map<String, Observation.Up>> byNode = new HashMap<>();
    private final Map<String, Map<Integer, String>> idsByNode = new HashMap<>();

    void apply(Observation o) {
        if (o instanceof Observation.Up up) {
            byNode.computeIfAbsent(up.node(), n -> new HashMap<>()).put(up.peer(), up);
            idsByNode.computeIfAbsent(up.node(), n -> new HashMap<>()).put(up.nodeId(), up.peer());
        } else if (o instanceof Observation.Down down) {
            Map<String, Observation.Up> m = byNode.get(down.node());
            if (m != null) {
                m.remove(down.peer());
            }
            Map<Integer, String> ids = idsByNode.get(down.node());
            if (ids != null && down.peer().equals(ids.get(down.nodeId()))) {
                ids.remove(down.nodeId());
            }
        } else if (o instanceof Observation.Stopped || o instanceof Observation.Started) {
            byNode.remove(o.node());
            idsByNode.remove(o.node());
        }
    }

    boolean has(String node, String peer) {
        Map<String, Observation.Up> m = byNode.get(node);
        return m != null && m.containsKey(peer);
    }

    Observation.Up session(String node, String peer) {
        Map<String, Observation.Up> m = byNode.get(node);
        return m == null ? null : m.get(peer);
    }

    int count(String node) {
        Map<String, Observation.Up> m = byNode.get(node);
        return m == null ? 0 : m.size();
    }

    /** The peer holding {@code nodeId} at {@code node}, or null. */
    String holderOf(String node, int nodeId) {
        Map<Integer, String> ids = idsByNode.get(node);
        return ids == null ? null : ids.get(nodeId);
    }
}
