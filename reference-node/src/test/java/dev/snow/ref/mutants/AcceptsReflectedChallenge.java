package dev.snow.ref.mutants;

import dev.snow.ref.handshake.HandshakeChecks;
import dev.snow.ref.transport.NodeStrategies;

/** Mutant accepts-reflected-challenge: the acceptor does not refuse its own challenge reflected in CHALLENGE_REPLY. Must break AUTH-5. */
final class AcceptsReflectedChallenge extends Mutant {
    @Override
    public String defect() {
        return "the acceptor does not refuse its own challenge reflected in CHALLENGE_REPLY";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withChecks(HandshakeChecks.ALL.withoutReflection()));
    }
}
