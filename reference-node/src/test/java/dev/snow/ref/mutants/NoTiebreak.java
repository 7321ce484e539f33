package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeStrategies;

/** Mutant no-tiebreak: no simultaneous-connect tiebreak: a crossing NAME is answered ok and both attempts go on. Must break TIE-1,TIE-2,TIE-3,TIE-4,TIE-5. */
final class NoTiebreak extends Mutant {
    @Override
    public String defect() {
        return "no simultaneous-connect tiebreak: a crossing NAME is answered ok and both attempts go on";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withTiebreak((local, peer) -> 0));
    }
}
