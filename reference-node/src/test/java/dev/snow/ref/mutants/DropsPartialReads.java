package dev.snow.ref.mutants;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.session.SessionSeams;
import dev.snow.ref.transport.NodeStrategies;

/**
 * Mutants drops-partial-reads@acceptor and drops-partial-reads@initiator: takes every read to start on a frame boundary: the bytes of a partial frame are dropped when the next read arrives. Must break FRAME-10 in that role only
 * ({@link SessionSeams#laxOn(String, Direction)}).
 */
final class DropsPartialReads extends Mutant {
    private final Direction role;

    DropsPartialReads(Direction role) {
        this.role = role;
    }

    @Override
    public String defect() {
        return "as " + SessionSeams.roleName(role) + ", takes every read to start on a frame boundary: the bytes of a partial frame are dropped when the next read arrives";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withSession(real.core().session().laxOn("FRAME-10", role)));
    }
}
