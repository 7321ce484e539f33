package dev.snow.ref.mutants;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.session.SessionSeams;
import dev.snow.ref.transport.NodeStrategies;

/**
 * Mutants overlong-names@acceptor and overlong-names@initiator: takes names longer than 255 bytes: in NAME as acceptor, in connect as initiator. Must break NAME-2 in that role only
 * ({@link SessionSeams#laxOn(String, Direction)}).
 */
final class OverlongNames extends Mutant {
    private final Direction role;

    OverlongNames(Direction role) {
        this.role = role;
    }

    @Override
    public String defect() {
        return role == Direction.INCOMING
                ? "as acceptor, takes a name in NAME longer than 255 bytes"
                : "connect takes a name longer than 255 bytes";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withSession(real.core().session().laxOn("NAME-2", role)));
    }
}
