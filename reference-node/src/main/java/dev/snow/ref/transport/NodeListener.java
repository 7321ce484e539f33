package dev.snow.ref.transport;

import dev.snow.ref.node.NodeEvent;

/** Receives a running node's events (node_up, node_down, handshake_failed). */
@FunctionalInterface
public interface NodeListener {
    /**
     * Called on the node's core thread, one event at a time, in the order the core reported
     * them. Must not block for long and must not wait on the node's own futures.
     *
     * @param remote the peer socket's {@code host:port}, or null when there was none (a dial that
     *               never connected reports the address it tried)
     */
    void onEvent(NodeEvent event, String remote);

    NodeListener IGNORE = (event, remote) -> { };
}
