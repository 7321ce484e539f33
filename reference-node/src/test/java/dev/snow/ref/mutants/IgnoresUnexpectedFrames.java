package dev.snow.ref.mutants;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.session.SessionSeams;
import dev.snow.ref.transport.NodeStrategies;

/**
 * Mutants ignores-unexpected-frames@acceptor and ignores-unexpected-frames@initiator: ignores a handshake-time frame its state does not expect instead of closing. Must break FRAME-7 in that role only
 * ({@link SessionSeams#laxOn(String, Direction)}).
 */
final class IgnoresUnexpectedFrames extends Mutant {
    private final Direction role;

    IgnoresUnexpectedFrames(Direction role) {
        this.role = role;
    }

    @Override
    public String defect() {
        return "as " + SessionSeams.roleName(role) + ", ignores a handshake-time frame its state does not expect instead of closing";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withSession(real.core().session().laxOn("FRAME-7", role)));
    }
}
