package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeStrategies;

/** Mutant consumes-id-on-failed-handshake: a handshake that fails after its challenge still takes a node_id. Must break AUTH-6,HS-6. */
final class ConsumesIdOnFailedHandshake extends Mutant {
    @Override
    public String defect() {
        return "a handshake that fails after its challenge still takes a node_id";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().consumingIdOnFailure());
    }
}
