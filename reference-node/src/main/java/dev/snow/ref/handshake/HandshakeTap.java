package dev.snow.ref.handshake;

import dev.snow.ref.wire.Frame;

/**
 * A tap on one handshake's frames, for the conformance mutants (reference-node test scope,
 * docs/MUTATION.md): it may rewrite a frame the handshake receives, before the handshake acts on
 * it, and a step the handshake decided, before it is carried out. The node always runs
 * {@link #NONE}, which changes nothing.
 */
public interface HandshakeTap {
    /** The identity: what the handshake receives and decides is what happens. */
    HandshakeTap NONE = new HandshakeTap() {
    };

    /**
     * The frame the handshake of {@code role} acts on in {@code state}, given the one received.
     */
    default Frame received(Direction role, Handshake.State state, Frame frame) {
        return frame;
    }

    /**
     * The step carried out, given the one the handshake of {@code role} decided in state
     * {@code before} ({@code input} null: transport ready).
     */
    default HandshakeStep decided(Direction role, Handshake.State before, Frame input, HandshakeStep step) {
        return step;
    }
}
