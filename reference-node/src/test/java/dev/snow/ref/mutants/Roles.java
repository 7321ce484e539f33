package dev.snow.ref.mutants;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.handshake.HandshakeStep;
import dev.snow.ref.wire.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * Helpers for mutants whose defect is confined to one role: {@code @acceptor} (incoming
 * connections) or {@code @initiator} (outgoing ones), so that a kill proves that role's test.
 */
final class Roles {
    private Roles() {
    }

    /** "acceptor" or "initiator". */
    static String of(Direction role) {
        return role == Direction.INCOMING ? "acceptor" : "initiator";
    }

    /** {@code step} with {@code frames} instead of the frames it sends. */
    static HandshakeStep sending(HandshakeStep step, List<Frame> frames) {
        return new HandshakeStep(List.copyOf(frames), step.outcome(), step.peer(), step.peerCreation(), step.failure(), step.detail());
    }

    /** {@code step} with {@code first} sent before its own frames. */
    static HandshakeStep sendingFirst(HandshakeStep step, Frame first) {
        List<Frame> frames = new ArrayList<>();
        frames.add(first);
        frames.addAll(step.send());
        return sending(step, frames);
    }
}
