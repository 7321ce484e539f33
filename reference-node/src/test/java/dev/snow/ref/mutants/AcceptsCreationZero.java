package dev.snow.ref.mutants;

import dev.snow.ref.handshake.HandshakeChecks;
import dev.snow.ref.transport.NodeStrategies;

/** Mutant accepts-creation-zero: accepts creation 0 in NAME and STATUS_CHALLENGE. Must break HS-7. */
final class AcceptsCreationZero extends Mutant {
    @Override
    public String defect() {
        return "accepts creation 0 in NAME and STATUS_CHALLENGE";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withChecks(HandshakeChecks.ALL.withoutCreation()));
    }
}
