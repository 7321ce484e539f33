package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeStrategies;

/** Mutant inverted-tiebreak: the tiebreak keeps the larger name's connection. Must break TIE-1,TIE-2,TIE-3. */
final class InvertedTiebreak extends Mutant {
    @Override
    public String defect() {
        return "the tiebreak keeps the larger name's connection";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withTiebreak((local, peer) -> peer.compareTo(local)));
    }
}
