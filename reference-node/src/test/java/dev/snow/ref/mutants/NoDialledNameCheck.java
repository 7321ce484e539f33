package dev.snow.ref.mutants;

import dev.snow.ref.handshake.HandshakeChecks;
import dev.snow.ref.transport.NodeStrategies;

/** Mutant no-dialled-name-check: the initiator goes on when STATUS_CHALLENGE names another node than the one dialled. Must break NAME-7. */
final class NoDialledNameCheck extends Mutant {
    @Override
    public String defect() {
        return "the initiator goes on when STATUS_CHALLENGE names another node than the one dialled";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withChecks(HandshakeChecks.ALL.withoutDialledName()));
    }
}
