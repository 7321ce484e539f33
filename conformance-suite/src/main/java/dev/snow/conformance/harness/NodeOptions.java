package dev.snow.conformance.harness;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The fields of the adapter's {@code start} command. Null means "not sent" (the adapter's
 * default, docs/PROTOCOL.md). Immutable; {@code with...} returns a copy.
 */
public record NodeOptions(String name, String cookie, String host, Integer port, Integer creation,
                          Integer heartbeatIntervalMs, Integer heartbeatTimeoutMs, Integer handshakeTimeoutMs,
                          Integer maxNodeId, Integer maxPendingHandshakes, String profile) {

    /** Listens on 127.0.0.1, any port; everything else the adapter's default. */
    public static NodeOptions of(String name, String cookie) {
        return new NodeOptions(name, cookie, "127.0.0.1", 0, null, null, null, null, null, null, null);
    }

    public NodeOptions withName(String v) {
        return new NodeOptions(v, cookie, host, port, creation, heartbeatIntervalMs, heartbeatTimeoutMs, handshakeTimeoutMs, maxNodeId, maxPendingHandshakes, profile);
    }

    public NodeOptions withCookie(String v) {
        return new NodeOptions(name, v, host, port, creation, heartbeatIntervalMs, heartbeatTimeoutMs, handshakeTimeoutMs, maxNodeId, maxPendingHandshakes, profile);
    }

    /** Neither host nor port sent: the node listens where its name says (NAME-3). */
    public NodeOptions withoutListenAddress() {
        return new NodeOptions(name, cookie, null, null, creation, heartbeatIntervalMs, heartbeatTimeoutMs, handshakeTimeoutMs, maxNodeId, maxPendingHandshakes, profile);
    }

    public NodeOptions withCreation(Integer v) {
        return new NodeOptions(name, cookie, host, port, v, heartbeatIntervalMs, heartbeatTimeoutMs, handshakeTimeoutMs, maxNodeId, maxPendingHandshakes, profile);
    }

    public NodeOptions withHeartbeat(int intervalMs, int timeoutMs) {
        return new NodeOptions(name, cookie, host, port, creation, intervalMs, timeoutMs, handshakeTimeoutMs, maxNodeId, maxPendingHandshakes, profile);
    }

    public NodeOptions withHandshakeTimeoutMs(Integer v) {
        return new NodeOptions(name, cookie, host, port, creation, heartbeatIntervalMs, heartbeatTimeoutMs, v, maxNodeId, maxPendingHandshakes, profile);
    }

    public NodeOptions withMaxNodeId(Integer v) {
        return new NodeOptions(name, cookie, host, port, creation, heartbeatIntervalMs, heartbeatTimeoutMs, handshakeTimeoutMs, v, maxPendingHandshakes, profile);
    }

    public NodeOptions withMaxPendingHandshakes(Integer v) {
        return new NodeOptions(name, cookie, host, port, creation, heartbeatIntervalMs, heartbeatTimeoutMs, handshakeTimeoutMs, maxNodeId, v, profile);
    }

    /** {@code "base"} or {@code "hardened"} (HARD-1); null sends nothing (the adapter's default, base). */
    public NodeOptions withProfile(String v) {
        return new NodeOptions(name, cookie, host, port, creation, heartbeatIntervalMs, heartbeatTimeoutMs, handshakeTimeoutMs, maxNodeId, maxPendingHandshakes, v);
    }

    /** Adds the fields that are set to {@code start}. */
    void writeTo(ObjectNode start) {
        start.put("name", name);
        start.put("cookie", cookie);
        putIf(start, "host", host);
        putIf(start, "port", port);
        putIf(start, "creation", creation);
        putIf(start, "heartbeat_interval_ms", heartbeatIntervalMs);
        putIf(start, "heartbeat_timeout_ms", heartbeatTimeoutMs);
        putIf(start, "handshake_timeout_ms", handshakeTimeoutMs);
        putIf(start, "max_node_id", maxNodeId);
        putIf(start, "max_pending_handshakes", maxPendingHandshakes);
        putIf(start, "profile", profile);
    }

    private static void putIf(ObjectNode n, String field, Object v) {
        if (v instanceof Integer i) {
            n.put(field, i);
        } else if (v instanceof String s) {
            n.put(field, s);
        }
    }
}
