package dev.snow.ref.mutants;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.transport.NodeStrategies;

/** Mutant case-insensitive-dialled-name: as initiator, compares the acceptor's name with the dialled one ignoring case. Must break NAME-4. */
final class CaseInsensitiveDialledName extends Mutant {
    @Override
    public String defect() {
        return "as initiator, compares the acceptor's name with the dialled one ignoring case";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withSession(real.core().session().laxOn("NAME-4", Direction.OUTGOING)));
    }
}
