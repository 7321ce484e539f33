package dev.snow.ref.handshake;

import dev.snow.ref.wire.Frame;
import java.util.List;

/**
 * What a handshake did with one input: frames to send (in order) and where it stands now.
 * {@code outcome} is CONTINUE, ESTABLISHED (then {@code peer} and {@code peerCreation} are set)
 * or FAILED (then {@code failure} and {@code detail} are set and the connection must close after
 * the frames are sent).
 */
public record HandshakeStep(List<Frame> send, Outcome outcome, NodeName peer, int peerCreation,
                            FailReason failure, String detail) {

    public enum Outcome { CONTINUE, ESTABLISHED, FAILED }

    static HandshakeStep next(Frame... send) {
        return new HandshakeStep(List.of(send), Outcome.CONTINUE, null, 0, null, null);
    }

    static HandshakeStep established(NodeName peer, int creation, Frame... send) {
        return new HandshakeStep(List.of(send), Outcome.ESTABLISHED, peer, creation, null, null);
    }

    static HandshakeStep failed(FailReason reason, String detail, Frame... send) {
        return new HandshakeStep(List.of(send), Outcome.FAILED, null, 0, reason, detail);
    }
}
