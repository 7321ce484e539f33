package dev.snow.ref.handshake;

import dev.snow.ref.wire.Status;

/**
 * The node-level decisions a handshake asks for. The node table implements it; tests swap it.
 * A handshake calls {@link #admit} only for a syntactically valid name that is not the local
 * node's, and {@link #register} only after the peer proved the cookie (HS-6).
 */
public interface HandshakePolicy {

    /**
     * Acceptor: the status to answer a NAME with: ok, ok_simultaneous or nok per the tiebreak
     * (TIE-2, TIE-3), alive when a session with that name exists (STATUS-6), not_allowed when
     * no node_id is free (ID-5). Must not change any per-name state (HS-6).
     */
    Status admit(NodeName peer, int creation);

    /**
     * Both roles: the peer proved the cookie; make it a session (allocate its node_id, replace an
     * old session, give up a losing outgoing attempt). Returns false when no node_id is free, in
     * which case the handshake fails with not_allowed and sends nothing.
     */
    boolean register(NodeName peer, int creation, Direction direction);
}
