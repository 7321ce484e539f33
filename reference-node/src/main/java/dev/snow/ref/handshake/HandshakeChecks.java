package dev.snow.ref.handshake;

/**
 * Which of the handshake's own checks run. The node always runs {@link #ALL}; the conformance
 * mutants (reference-node test scope, docs/MUTATION.md) switch exactly one off to prove the
 * suite notices.
 *
 * @param dialledName the initiator aborts when the acceptor's name is not the one dialled (NAME-7)
 * @param reflection  the acceptor refuses an initiator challenge equal to its own (AUTH-5) or
 *                    issued by this node on another connection (AUTH-8)
 * @param creation    both roles refuse creation 0 (HS-7)
 */
public record HandshakeChecks(boolean dialledName, boolean reflection, boolean creation) {
    public static final HandshakeChecks ALL = new HandshakeChecks(true, true, true);

    public HandshakeChecks withoutDialledName() {
        return new HandshakeChecks(false, reflection, creation);
    }

    public HandshakeChecks withoutReflection() {
        return new HandshakeChecks(dialledName, false, creation);
    }

    public HandshakeChecks withoutCreation() {
        return new HandshakeChecks(dialledName, reflection, false);
    }
}
