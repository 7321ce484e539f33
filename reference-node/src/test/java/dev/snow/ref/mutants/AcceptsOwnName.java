package dev.snow.ref.mutants;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.transport.NodeStrategies;

/** Mutant accepts-own-name: as acceptor, goes on with a NAME carrying its own name instead of answering not_allowed. Must break NAME-5. */
final class AcceptsOwnName extends Mutant {
    @Override
    public String defect() {
        return "as acceptor, goes on with a NAME carrying its own name instead of answering not_allowed";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withSession(real.core().session().laxOn("NAME-5", Direction.INCOMING)));
    }
}
