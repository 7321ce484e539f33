package dev.snow.ref.mutants;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.session.SessionSeams;
import dev.snow.ref.transport.NodeStrategies;

/**
 * Mutants skips-unknown-tags@acceptor and skips-unknown-tags@initiator: skips a frame with an unknown tag instead of closing. Must break FRAME-4 in that role only
 * ({@link SessionSeams#laxOn(String, Direction)}).
 */
final class SkipsUnknownTags extends Mutant {
    private final Direction role;

    SkipsUnknownTags(Direction role) {
        this.role = role;
    }

    @Override
    public String defect() {
        return "as " + SessionSeams.roleName(role) + ", skips a frame with an unknown tag instead of closing";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withSession(real.core().session().laxOn("FRAME-4", role)));
    }
}
