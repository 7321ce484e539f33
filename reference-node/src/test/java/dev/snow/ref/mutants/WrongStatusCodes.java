package dev.snow.ref.mutants;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.handshake.Handshake;
import dev.snow.ref.handshake.HandshakeStep;
import dev.snow.ref.handshake.HandshakeTap;
import dev.snow.ref.transport.NodeStrategies;
import dev.snow.ref.wire.Frame;
import dev.snow.ref.wire.Status;

/**
 * Mutant wrong-status-codes@acceptor: its status table swaps codes 0 and 1, so ok goes out as 1
 * and ok_simultaneous as 0. Mutant wrong-status-codes@initiator: its table stops at 3, reading
 * alive (4) as not_allowed. Must break STATUS-1.
 */
final class WrongStatusCodes extends Mutant {
    private final Direction role;

    WrongStatusCodes(Direction role) {
        this.role = role;
    }

    @Override
    public String defect() {
        return role == Direction.INCOMING ? "as acceptor, sends ok as code 1 and ok_simultaneous as code 0"
                : "as initiator, reads alive (4) as not_allowed";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        HandshakeTap tap = new HandshakeTap() {
            @Override
            public Frame received(Direction r, Handshake.State state, Frame frame) {
                if (r == Direction.OUTGOING && role == r && frame instanceof Frame.StatusChallenge s && s.status() == Status.ALIVE) {
                    return new Frame.StatusChallenge(Status.NOT_ALLOWED, null, s.name(), s.creation());
                }
                return frame;
            }

            @Override
            public HandshakeStep decided(Direction r, Handshake.State before, Frame input, HandshakeStep step) {
                if (r != Direction.INCOMING || role != r) {
                    return step;
                }
                return Roles.sending(step, step.send().stream().map(f -> f instanceof Frame.StatusChallenge s ? swapped(s) : f).toList());
            }
        };
        return real.withCore(real.core().withChecks(real.core().checks().withTap(tap)));
    }

    private static Frame swapped(Frame.StatusChallenge s) {
        Status st = s.status() == Status.OK ? Status.OK_SIMULTANEOUS : s.status() == Status.OK_SIMULTANEOUS ? Status.OK : s.status();
        return new Frame.StatusChallenge(st, s.challenge(), s.name(), s.creation());
    }
}
