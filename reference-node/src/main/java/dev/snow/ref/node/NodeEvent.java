package dev.snow.ref.node;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.handshake.FailReason;
import dev.snow.ref.session.DownReason;

/** What a node reports (docs/ADAPTER.md events). {@code connection} is the core's connection id. */
public sealed interface NodeEvent permits NodeEvent.NodeUp, NodeEvent.NodeDown, NodeEvent.HandshakeFailed {

    long connection();

    /** A session was established (HS-8). */
    record NodeUp(String node, int nodeId, int creation, Direction direction, long connection) implements NodeEvent {
    }

    /** A session ended; its node_id is free again (ID-4). */
    record NodeDown(String node, int nodeId, DownReason reason, String detail, long connection) implements NodeEvent {
    }

    /** A connection ended before it became a session. {@code peer} is null when the peer never sent NAME. */
    record HandshakeFailed(String peer, Direction direction, FailReason reason, String detail, long connection)
            implements NodeEvent {
    }
}
