package dev.snow.ref.mutants;

import dev.snow.ref.handshake.DigestContext;
import dev.snow.ref.handshake.DigestScheme;
import dev.snow.ref.handshake.Direction;
import dev.snow.ref.transport.NodeStrategies;
import dev.snow.ref.wire.Bytes32;

/**
 * Mutant reply-over-own-challenge@initiator: the initiator's CHALLENGE_REPLY carries HMAC(cookie,
 * its own challenge), not HMAC(cookie, acceptor challenge). Must break HS-3.
 * Mutant ack-over-own-challenge@acceptor: the acceptor's CHALLENGE_ACK carries HMAC(cookie, its own
 * challenge), not HMAC(cookie, initiator challenge). Must break HS-4.
 * Only the digest the role sends is wrong; the one it verifies is right, and the other role is untouched.
 */
final class DigestOverWrongChallenge extends Mutant {
    private final Direction role;

    DigestOverWrongChallenge(Direction role) {
        this.role = role;
    }

    @Override
    public String defect() {
        return role == Direction.OUTGOING ? "as initiator, REPLY carries HMAC(cookie, its own challenge), not the acceptor's"
                : "as acceptor, ACK carries HMAC(cookie, its own challenge), not the initiator's";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withDigests((r, scheme, cookie) -> r != role ? scheme : new DigestScheme() {
            @Override
            public Bytes32 reply(DigestContext c) {
                return role == Direction.OUTGOING ? scheme.reply(with(c, c.initiatorChallenge(), c.initiatorChallenge())) : scheme.reply(c);
            }

            @Override
            public Bytes32 ack(DigestContext c) {
                return role == Direction.INCOMING ? scheme.ack(with(c, c.acceptorChallenge(), c.acceptorChallenge())) : scheme.ack(c);
            }

            @Override
            public boolean requiresMutualTls() {
                return scheme.requiresMutualTls();
            }
        }));
    }

    private static DigestContext with(DigestContext c, Bytes32 acceptorChallenge, Bytes32 initiatorChallenge) {
        return new DigestContext(c.channel(), c.initiatorName(), c.acceptorName(), acceptorChallenge, initiatorChallenge);
    }
}
