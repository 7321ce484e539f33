package dev.snow.ref.mutants;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.handshake.Handshake;
import dev.snow.ref.handshake.HandshakeStep;
import dev.snow.ref.handshake.HandshakeTap;
import dev.snow.ref.transport.NodeStrategies;
import dev.snow.ref.wire.Frame;

/**
 * Mutant stays-open-after-refusal@acceptor: after sending STATUS_CHALLENGE nok or not_allowed the
 * acceptor keeps the connection open (until the handshake deadline) instead of closing right
 * away. Must break STATUS-3.
 */
final class StaysOpenAfterRefusal extends Mutant {
    @Override
    public String defect() {
        return "as acceptor, keeps the connection open after sending nok or not_allowed";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        HandshakeTap tap = new HandshakeTap() {
            @Override
            public HandshakeStep decided(Direction r, Handshake.State before, Frame input, HandshakeStep step) {
                boolean refusal = r == Direction.INCOMING && step.outcome() == HandshakeStep.Outcome.FAILED
                        && step.send().stream().anyMatch(f -> f instanceof Frame.StatusChallenge);
                return refusal ? new HandshakeStep(step.send(), HandshakeStep.Outcome.CONTINUE, null, 0, null, null) : step;
            }
        };
        return real.withCore(real.core().withChecks(real.core().checks().withTap(tap)));
    }
}
