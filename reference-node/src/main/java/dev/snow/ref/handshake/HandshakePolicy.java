package dev.snow.ref.handshake;

import dev.snow.ref.wire.Bytes32;
import dev.snow.ref.wire.Status;

/**
 * The node-level decisions a handshake asks for. The node table implements it; tests swap it.
 * A handshake calls {@link #admit} only for a syntactically valid name that is not the local
 * node's, and {@link #register} only after the peer proved the cookie (HS-6).
 */
public interface HandshakePolicy {

    /**
     * Acceptor: the status to answer a NAME with, first match wins: not_allowed when no node_id
     * is free and no session with that name exists (ID-5); with a pending attempt of ours to that
     * name, nok when we are smaller (TIE-2) else ok_simultaneous (TIE-3); alive when a session
     * with that name exists (STATUS-6); else ok. Must not change any per-name state (HS-6).
     */
    Status admit(NodeName peer, int creation);

    /** What {@link #register} decided. */
    enum Registration {
        /** The session exists now; the handshake completes. */
        REGISTERED,
        /** No node_id is free: close, send nothing, not_allowed (ID-5). */
        NO_NODE_ID,
        /** Acceptor only: we dialled the (larger) peer meanwhile and our attempt wins (TIE-1): close, nok. */
        TIEBREAK_LOST
    }

    /**
     * Both roles: the peer proved the cookie; make it a session (allocate its node_id, replace an
     * old session, give up a losing outgoing attempt of ours), or say why not. On anything but
     * REGISTERED nothing was changed and the handshake fails sending nothing.
     */
    Registration register(NodeName peer, int creation, Direction direction);

    /**
     * Both roles: true when {@code challenge}, received from the peer, is one this node issued
     * itself on a handshake still in progress (AUTH-8: reflection across connections).
     */
    default boolean issuedByThisNode(Bytes32 challenge) {
        return false;
    }
}
