package dev.snow.sim.real;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snow.sim.check.Observation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An adapter event line (docs/ADAPTER.md) as the observation the expectation checks judge:
 * {@code node_up}, {@code node_down}, {@code handshake_failed} (a {@code peer} that is
 * {@code host:port}, not a name, is an unnamed peer). Pure: no I/O.
 */
final class AdapterEvents {
    private AdapterEvents() {
    }

    /** The observation of {@code event} on {@code node} at scenario time {@code t}, or null for another event. */
    static Observation observation(long t, String node, JsonNode event) {
        switch (event.path("event").asText()) {
            case "node_up":
                return new Observation.Up(t, node, event.path("node").asText(), event.path("node_id").asInt(),
                        event.path("creation").asInt(), event.path("direction").asText());
            case "node_down":
                return new Observation.Down(t, node, event.path("node").asText(), event.path("node_id").asInt(),
                        event.path("reason").asText());
            case "handshake_failed":
                String p = event.path("peer").asText();
                return new Observation.Failed(t, node, p.contains("@") ? p : null, event.path("direction").asText(),
                        event.path("reason").asText());
            default:
                return null;
        }
    }

    /** The peer the observation names (null for none), the node the runner may dial again. */
    static String peer(Observation o) {
        if (o instanceof Observation.Up u) {
            return u.peer();
        } else if (o instanceof Observation.Down d) {
            return d.peer();
        } else if (o instanceof Observation.Failed f) {
            return f.peer();
        }
        return null;
    }

    /** Whether the node lost its peer: a node_down, or a failed outgoing attempt (the runner's retry dials again). */
    static boolean lost(Observation o) {
        return o instanceof Observation.Down || o instanceof Observation.Failed f && "outgoing".equals(f.direction());
    }

    /** The event's fields for the timeline: {@code node} renamed {@code peer}, {@code event} left out (it is the kind). */
    static Map<String, Object> fields(JsonNode event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        event.fields().forEachRemaining(f -> fields.put(f.getKey().equals("node") ? "peer" : f.getKey(), f.getValue()));
        fields.remove("event");
        return fields;
    }
}
