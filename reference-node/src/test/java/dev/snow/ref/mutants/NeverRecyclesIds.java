package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeStrategies;

/** Mutant never-recycles-ids: freed node_ids are never handed out again. Must break ID-3. */
final class NeverRecyclesIds extends Mutant {
    @Override
    public String defect() {
        return "freed node_ids are never handed out again";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withIds(max -> new Allocators.NeverRecycles(max)));
    }
}
