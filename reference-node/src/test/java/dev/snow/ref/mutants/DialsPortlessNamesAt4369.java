package dev.snow.ref.mutants;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.transport.NodeStrategies;

/** Mutant dials-portless-names-at-4369: dials a name without a port at 4369 (EPMD's port) instead of 9000. Must break NAME-3. */
final class DialsPortlessNamesAt4369 extends Mutant {
    @Override
    public String defect() {
        return "dials a name without a port at 4369 (EPMD's port) instead of 9000";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withSession(real.core().session().laxOn("NAME-3", Direction.OUTGOING)));
    }
}
