package dev.snow.ref.handshake;

/**
 * Which of the handshake's own checks run, and a tap on its frames. The node always runs
 * {@link #ALL}; the conformance mutants (reference-node test scope, docs/MUTATION.md) switch
 * exactly one check off, or tap one frame, to prove the suite notices.
 *
 * @param dialledName the initiator aborts when the acceptor's name is not the one dialled (NAME-7)
 * @param reflection  the acceptor refuses an initiator challenge equal to its own (AUTH-5) or
 *                    issued by this node on another connection (AUTH-8)
 * @param creation    both roles refuse creation 0 (HS-7)
 * @param upAfterAck  the initiator is established only once it has verified the ACK (HS-5)
 * @param tap         rewrites frames received and steps decided ({@link HandshakeTap#NONE}: none)
 */
public record HandshakeChecks(boolean dialledName, boolean reflection, boolean creation, boolean upAfterAck,
                              HandshakeTap tap) {
    public static final HandshakeChecks ALL = new HandshakeChecks(true, true, true, true, HandshakeTap.NONE);

    public HandshakeChecks withoutDialledName() {
        return new HandshakeChecks(false, reflection, creation, upAfterAck, tap);
    }

    public HandshakeChecks withoutReflection() {
        return new HandshakeChecks(dialledName, false, creation, upAfterAck, tap);
    }

    public HandshakeChecks withoutCreation() {
        return new HandshakeChecks(dialledName, reflection, false, upAfterAck, tap);
    }

    /** The initiator registers the session and reports node_up when it sends REPLY (HS-5 broken). */
    public HandshakeChecks upBeforeAck() {
        return new HandshakeChecks(dialledName, reflection, creation, false, tap);
    }

    public HandshakeChecks withTap(HandshakeTap t) {
        return new HandshakeChecks(dialledName, reflection, creation, upAfterAck, t);
    }
}
