package dev.snow.ref.mutants;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.session.SessionSeams;
import dev.snow.ref.transport.NodeStrategies;

/**
 * Mutants skips-empty-frames@acceptor and skips-empty-frames@initiator: skips a frame of len 0 instead of closing. Must break FRAME-2 in that role only
 * ({@link SessionSeams#laxOn(String, Direction)}).
 */
final class SkipsEmptyFrames extends Mutant {
    private final Direction role;

    SkipsEmptyFrames(Direction role) {
        this.role = role;
    }

    @Override
    public String defect() {
        return "as " + SessionSeams.roleName(role) + ", skips a frame of len 0 instead of closing";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withSession(real.core().session().laxOn("FRAME-2", role)));
    }
}
