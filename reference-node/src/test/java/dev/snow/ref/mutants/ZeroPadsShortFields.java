package dev.snow.ref.mutants;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.session.SessionSeams;
import dev.snow.ref.transport.NodeStrategies;

/**
 * Mutants zero-pads-short-fields@acceptor and zero-pads-short-fields@initiator: reads a field that runs past the end of its frame as zeros instead of closing. Must break FRAME-5 in that role only
 * ({@link SessionSeams#laxOn(String, Direction)}).
 */
final class ZeroPadsShortFields extends Mutant {
    private final Direction role;

    ZeroPadsShortFields(Direction role) {
        this.role = role;
    }

    @Override
    public String defect() {
        return "as " + SessionSeams.roleName(role) + ", reads a field that runs past the end of its frame as zeros instead of closing";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withSession(real.core().session().laxOn("FRAME-5", role)));
    }
}
