package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeStrategies;

/** Mutant connects-to-itself: dials its own name instead of refusing the connect locally. Must break NAME-6. */
final class ConnectsToItself extends Mutant {
    @Override
    public String defect() {
        return "dials its own name instead of refusing the connect locally";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().connectingToSelf());
    }
}
