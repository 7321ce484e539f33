package dev.snow.ref.node;

/**
 * Node-level defects a conformance mutant (reference-node test scope, docs/MUTATION.md) can plant
 * through {@link CoreSeams#defects()}; the production node plants none ({@link CoreSeams#REAL}).
 * Each names the one MUST it breaks.
 */
public enum CoreDefect {
    /** Answers a known name's NAME with a different creation (a restarted peer) not_allowed instead of alive (ID-8). */
    REFUSE_RESTARTED_PEER,
    /** {@code connect} dials a name that already has a session instead of refusing it (CONN-3). */
    DIAL_CONNECTED_NAME,
    /** After the first handshake that fails with protocol_error, refuses every new incoming connection (LIM-4). */
    WEDGED_BY_PROTOCOL_ERROR,
    /** The transport stops accepting while an incoming handshake is pending (LIM-3). */
    ACCEPT_WAITS_FOR_HANDSHAKES
}
