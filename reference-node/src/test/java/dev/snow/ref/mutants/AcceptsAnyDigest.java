package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeStrategies;

/** Mutant accepts-any-digest: the digest comparison accepts any digest. Must break AUTH-6. */
final class AcceptsAnyDigest extends Mutant {
    @Override
    public String defect() {
        return "the digest comparison accepts any digest";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withComparator((expected, received) -> true);
    }
}
