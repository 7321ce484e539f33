package dev.snow.ref.mutants;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.session.SessionSeams;
import dev.snow.ref.transport.NodeStrategies;

/**
 * Mutants lax-alive-chars@acceptor and lax-alive-chars@initiator: takes any characters in the alive part of a name: of NAME as acceptor, of connect's name as initiator. Must break NAME-1 in that role only
 * ({@link SessionSeams#laxOn(String, Direction)}).
 */
final class LaxAliveChars extends Mutant {
    private final Direction role;

    LaxAliveChars(Direction role) {
        this.role = role;
    }

    @Override
    public String defect() {
        return role == Direction.INCOMING
                ? "as acceptor, takes any characters in the alive part of the name in NAME"
                : "connect takes any characters in the alive part of the name it dials";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withSession(real.core().session().laxOn("NAME-1", role)));
    }
}
