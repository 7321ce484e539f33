package dev.snow.ref.adapter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snow.ref.node.NodeEvent;
import dev.snow.ref.node.SessionInfo;

/** The JSON of events and session entries (docs/ADAPTER.md, Events and sessions). */
final class EventJson {
    private EventJson() {
    }

    static ObjectNode of(NodeEvent event, String remote) {
        ObjectNode o = JsonLines.object();
        if (event instanceof NodeEvent.NodeUp up) {
            o.put("event", "node_up");
            o.put("node", up.node());
            o.put("node_id", up.nodeId());
            o.put("creation", up.creation());
            o.put("direction", up.direction().wireName());
        } else if (event instanceof NodeEvent.NodeDown down) {
            o.put("event", "node_down");
            o.put("node", down.node());
            o.put("node_id", down.nodeId());
            o.put("reason", down.reason().wireName());
            putDetail(o, down.detail());
        } else {
            NodeEvent.HandshakeFailed f = (NodeEvent.HandshakeFailed) event;
            o.put("event", "handshake_failed");
            o.put("peer", f.peer() != null ? f.peer() : remote != null ? remote : "unknown");
            o.put("direction", f.direction().wireName());
            o.put("reason", f.reason().wireName());
            putDetail(o, f.detail());
            putRemote(o, remote);
        }
        return o;
    }

    static ObjectNode of(SessionInfo s) {
        ObjectNode o = JsonLines.object();
        o.put("node", s.node());
        o.put("node_id", s.nodeId());
        o.put("creation", s.creation());
        o.put("direction", s.direction().wireName());
        return o;
    }

    /** The peer socket's host:port, when there is one (optional, additive: docs/ADAPTER.md). */
    private static void putRemote(ObjectNode o, String remote) {
        if (remote != null) {
            o.put("remote", remote);
        }
    }

    private static void putDetail(ObjectNode o, String detail) {
        if (detail != null && !detail.isEmpty()) {
            o.put("detail", detail);
        }
    }
}
