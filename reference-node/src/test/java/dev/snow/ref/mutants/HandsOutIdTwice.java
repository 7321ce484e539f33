package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeStrategies;

/** Mutant hands-out-id-twice: a freed node_id stays free when handed out, so two live sessions can hold it. Must break ID-4. */
final class HandsOutIdTwice extends Mutant {
    @Override
    public String defect() {
        return "a freed node_id stays free when handed out, so two live sessions can hold it";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withIds(max -> new Allocators.HandsOutTwice(max)));
    }
}
