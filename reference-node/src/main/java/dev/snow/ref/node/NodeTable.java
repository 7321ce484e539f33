package dev.snow.ref.node;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.handshake.HandshakePolicy;
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
    private final Tiebreak tiebreak;
    private final TreeMap<String, SessionInfo> sessions = new TreeMap<>();
    private final TreeMap<String, Long> pendingOutgoing = new TreeMap<>();

    NodeTable(NodeName local, NodeIdAllocator ids) {
        this(local, ids, Tiebreak.STANDARD);
    }

    NodeTable(NodeName local, NodeIdAllocator ids, Tiebreak tiebreak) {
        this.local = local;
        this.ids = ids;
        this.tiebreak = tiebreak;
    }

    /**
     * What registering a session decided: {@code session} is null when it was refused
     * ({@code refusal} says why); {@code replaced} and {@code cancelledAttempt} may be absent.
     */
    record Registration(SessionInfo session, HandshakePolicy.Registration refusal, SessionInfo replaced,
                        long cancelledAttempt) {
        static final long NONE = -1;

        static Registration refused(HandshakePolicy.Registration why) {
            return new Registration(null, why, null, NONE);
        }
    }

    /**
     * The status for a NAME from {@code peer} (docs/PROTOCOL.md, choosing the status; first match
     * wins): not_allowed when no node_id is free and no session exists (ID-5); with a pending
     * attempt of ours, nok when we are smaller (TIE-2) else ok_simultaneous (TIE-3); alive when a
     * session exists (STATUS-6); else ok.
     */
    Status admit(NodeName peer) {
        boolean session = sessions.containsKey(peer.full());
        if (!session && !ids.hasFree()) {
            return Status.NOT_ALLOWED;
        }
        int order = tiebreak.order(local, peer);
        if (pendingOutgoing.containsKey(peer.full()) && order != 0) {
            return order < 0 ? Status.NOK : Status.OK_SIMULTANEOUS;
        }
        return session ? Status.ALIVE : Status.OK;
    }

    /**
     * Makes {@code peer}, which just proved the cookie on {@code connection}, a session
     * (docs/PROTOCOL.md, resolving a verified REPLY). An incoming connection meets our own
     * attempt to the same peer by the tiebreak: if the peer is smaller we give our attempt up
     * (TIE-4), if we are smaller our attempt wins and this connection is refused (TIE-1); the
     * same holds when our attempt already became a session after we answered this connection ok
     * or ok_simultaneous (not alive): it won, this connection lost. Then a session with that
     * name is replaced (STATUS-6) and the next id taken; with none free the registration is
     * refused. A refusal changes nothing.
     *
     * @param answeredAlive the acceptor answered this connection's NAME with alive (a session
     *                      existed then); false for an initiator
     */
    Registration register(NodeName peer, int creation, Direction direction, long connection, boolean answeredAlive) {
        Long attempt = pendingOutgoing.get(peer.full());
        int order = tiebreak.order(local, peer);
        boolean otherAttempt = attempt != null && attempt != connection && order != 0;
        boolean smaller = order < 0;
        if (otherAttempt && direction == Direction.INCOMING && smaller) {
            return Registration.refused(HandshakePolicy.Registration.TIEBREAK_LOST);
        }
        SessionInfo old = sessions.get(peer.full());
        if (old != null && direction == Direction.INCOMING && !answeredAlive && smaller
                && old.direction() == Direction.OUTGOING) {
            return Registration.refused(HandshakePolicy.Registration.TIEBREAK_LOST);
        }
        if (old == null && !ids.hasFree()) {
            return Registration.refused(HandshakePolicy.Registration.NO_NODE_ID);
        }
        if (old != null) {
            sessions.remove(peer.full());
            ids.free(old.nodeId());
        }
        if (attempt != null && (otherAttempt || attempt == connection)) {
            pendingOutgoing.remove(peer.full());
        }
        int id = ids.allocate();
        SessionInfo session = new SessionInfo(peer.full(), id, creation, direction, connection);
        sessions.put(peer.full(), session);
        return new Registration(session, HandshakePolicy.Registration.REGISTERED, old,
                otherAttempt ? attempt : Registration.NONE);
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

    /** Takes a node_id that no session will ever free (only a conformance mutant's defect does this). */
    void leakNodeId() {
        if (ids.hasFree()) {
            ids.allocate();
        }
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

    boolean hasFreeNodeId() {
        return ids.hasFree();
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
