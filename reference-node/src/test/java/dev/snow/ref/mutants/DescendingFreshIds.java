package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeStrategies;

/** Mutant descending-fresh-ids: never-used node_ids are handed out from max_node_id down. Must break ID-2. */
final class DescendingFreshIds extends Mutant {
    @Override
    public String defect() {
        return "never-used node_ids are handed out from max_node_id down";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withIds(max -> new Allocators.Descending(max)));
    }
}
