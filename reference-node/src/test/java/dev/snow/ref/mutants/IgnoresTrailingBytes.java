package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeStrategies;

/** Mutant ignores-trailing-bytes: ignores bytes left in a frame after its last field. Must break FRAME-6. */
final class IgnoresTrailingBytes extends Mutant {
    @Override
    public String defect() {
        return "ignores bytes left in a frame after its last field";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withSession(real.core().session().laxOn("FRAME-6")));
    }
}
