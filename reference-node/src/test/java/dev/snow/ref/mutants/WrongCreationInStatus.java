package dev.snow.ref.mutants;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.handshake.Handshake;
import dev.snow.ref.handshake.HandshakeStep;
import dev.snow.ref.handshake.HandshakeTap;
import dev.snow.ref.transport.NodeStrategies;
import dev.snow.ref.wire.Frame;
import java.util.List;

/** Mutant wrong-creation-in-status@acceptor: its STATUS_CHALLENGE carries creation + 1, not its own. Must break HS-2. */
final class WrongCreationInStatus extends Mutant {
    @Override
    public String defect() {
        return "as acceptor, its STATUS_CHALLENGE carries its creation + 1 (255 -> 1), not its own creation";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        HandshakeTap tap = new HandshakeTap() {
            @Override
            public HandshakeStep decided(Direction r, Handshake.State before, Frame input, HandshakeStep step) {
                if (r != Direction.INCOMING) {
                    return step;
                }
                return Roles.sending(step, step.send().stream().map(f -> f instanceof Frame.StatusChallenge s
                        ? new Frame.StatusChallenge(s.status(), s.challenge(), s.name(), s.creation() % 255 + 1) : f).toList());
            }
        };
        return real.withCore(real.core().withChecks(real.core().checks().withTap(tap)));
    }
}
