package dev.snow.ref.node;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.handshake.NodeName;
import dev.snow.ref.wire.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The node's per-name state: live sessions, our pending outgoing attempts and node_ids. Only
 * authenticated peers change it (HS-6): {@link #admit} reads, {@link #register} writes.
 */
final class NodeTable {
    private final NodeName local;
    private final NodeIdAllocator ids;
    private final TreeMap<String, SessionInfo> sessions = new TreeMap<>();
    private final TreeMap<String, Long> pendingOutgoing = new TreeMap<>();

    NodeTable(NodeName local, NodeIdAllocator ids) {
        this.local = local;
        this.ids = ids;
    }

    /** What registering a session changed; {@code replaced} and {@code cancelledAttempt} may be absent. */
    record Registration(SessionInfo session, SessionInfo replaced, long cancelledAttempt) {
        static final long NONE = -1;
    }

    /**
     * The status for a NAME from {@code peer}: alive if a session exists (STATUS-6); with a
     * pending attempt of ours, nok when we are smaller (TIE-2) else ok_simultaneous (TIE-3);
     * not_allowed when no node_id is free (ID-5); else ok.
     */
    Status admit(NodeName peer) {
        if (sessions.containsKey(peer.full())) {
            return Status.ALIVE;
        }
        boolean simultaneous = pendingOutgoing.containsKey(peer.full());
        if (simultaneous && local.compareTo(peer) < 0) {
            return Status.NOK;
        }
        if (!ids.hasFree()) {
            return Status.NOT_ALLOWED;
        }
        return simultaneous ? Status.OK_SIMULTANEOUS : Status.OK;
    }

    /**
     * Makes {@code peer} a session on {@code connection}: frees the id of a session it replaces,
     * gives up our own attempt to it (TIE-4) and takes the next id. Returns null, changing
     * nothing, when no id is free.
     */
    Registration register(NodeName peer, int creation, Direction direction, long connection) {
        SessionInfo old = sessions.get(peer.full());
        if (old == null && !ids.hasFree()) {
            return null;
        }
        if (old != null) {
            sessions.remove(peer.full());
            ids.free(old.nodeId());
        }
        long cancelled = Registration.NONE;
        Long attempt = pendingOutgoing.remove(peer.full());
        if (attempt != null && attempt != connection) {
            cancelled = attempt;
        }
        int id = ids.allocate();
        SessionInfo session = new SessionInfo(peer.full(), id, creation, direction, connection);
        sessions.put(peer.full(), session);
        return new Registration(session, old, cancelled);
    }

    /** Ends the session of {@code connection} with {@code peer}, freeing its id; null if it is not that session. */
    SessionInfo remove(String peer, long connection) {
        SessionInfo s = sessions.get(peer);
        if (s == null || s.connection() != connection) {
            return null;
        }
        sessions.remove(peer);
        ids.free(s.nodeId());
        return s;
    }

    SessionInfo session(String peer) {
        return sessions.get(peer);
    }

    List<SessionInfo> sessions() {
        return new ArrayList<>(sessions.values());
    }

    int sessionCount() {
        return sessions.size();
    }

    Long pendingOutgoing(String peer) {
        return pendingOutgoing.get(peer);
    }

    void startOutgoing(NodeName peer, long connection) {
        pendingOutgoing.put(peer.full(), connection);
    }

    void clearOutgoing(String peer, long connection) {
        Long c = pendingOutgoing.get(peer);
        if (c != null && c == connection) {
            pendingOutgoing.remove(peer);
        }
    }
}
