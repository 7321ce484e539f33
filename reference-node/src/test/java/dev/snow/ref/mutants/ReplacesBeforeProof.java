package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeStrategies;

/** Mutant replaces-before-proof: an alive session is torn down at NAME, before the new peer proved the cookie. Must break STATUS-6,HS-6. */
final class ReplacesBeforeProof extends Mutant {
    @Override
    public String defect() {
        return "an alive session is torn down at NAME, before the new peer proved the cookie";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().replacingBeforeProof());
    }
}
