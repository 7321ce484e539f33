package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeStrategies;

/** Mutant cancels-attempt-on-claim: gives its own attempt up as soon as an unauthenticated NAME claims that peer's (smaller) name. Must break TIE-4,HS-6. */
final class CancelsAttemptOnClaim extends Mutant {
    @Override
    public String defect() {
        return "gives its own attempt up as soon as an unauthenticated NAME claims that peer's (smaller) name";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().cancellingAttemptOnClaim());
    }
}
