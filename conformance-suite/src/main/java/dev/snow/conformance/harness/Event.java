package dev.snow.conformance.harness;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event line from the adapter ({@code node_up}, {@code node_down}, {@code handshake_failed},
 * ...), with its arrival time and its index in the process's event log.
 */
public record Event(JsonNode json, long atNanos, int index) {
    public String kind() {
        return text("event");
    }

    public boolean is(String kind) {
        return kind.equals(kind());
    }

    /** The field as text, or null when absent. */
    public String text(String field) {
        JsonNode n = json.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    /** The field as an int, or -1 when absent or not a number. */
    public int number(String field) {
        JsonNode n = json.get(field);
        return n != null && n.canConvertToInt() ? n.asInt() : -1;
    }

    public String node() {
        return text("node");
    }

    public String peer() {
        return text("peer");
    }

    public String reason() {
        return text("reason");
    }

    public String direction() {
        return text("direction");
    }

    public int nodeId() {
        return number("node_id");
    }

    public int creation() {
        return number("creation");
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
