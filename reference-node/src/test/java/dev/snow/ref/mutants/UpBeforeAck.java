package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeStrategies;

/**
 * Mutant up-before-ack@initiator: the initiator registers the session and reports node_up as it
 * sends CHALLENGE_REPLY, before any CHALLENGE_ACK has come, let alone been verified. Must break HS-5.
 */
final class UpBeforeAck extends Mutant {
    @Override
    public String defect() {
        return "as initiator, is established (node_up) when it sends REPLY, before it has verified an ACK";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withChecks(real.core().checks().upBeforeAck()));
    }
}
