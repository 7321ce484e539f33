package dev.snow.ref.mutants;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.handshake.Handshake;
import dev.snow.ref.handshake.HandshakeStep;
import dev.snow.ref.handshake.HandshakeTap;
import dev.snow.ref.transport.NodeStrategies;
import dev.snow.ref.wire.Frame;

/**
 * Mutant speaks-before-name@acceptor / @initiator: once TLS is up, sends a PING before anything
 * else: the acceptor before it has received NAME, the initiator before its NAME. Must break HS-1.
 */
final class SpeaksBeforeName extends Mutant {
    private final Direction role;

    SpeaksBeforeName(Direction role) {
        this.role = role;
    }

    @Override
    public String defect() {
        return role == Direction.INCOMING ? "as acceptor, sends a PING once TLS is up, before it has received NAME"
                : "as initiator, sends a PING once TLS is up, before its NAME";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        HandshakeTap tap = new HandshakeTap() {
            @Override
            public HandshakeStep decided(Direction r, Handshake.State before, Frame input, HandshakeStep step) {
                return r == role && input == null ? Roles.sendingFirst(step, new Frame.Ping(0x5350454152534e4fL)) : step;
            }
        };
        return real.withCore(real.core().withChecks(real.core().checks().withTap(tap)));
    }
}
