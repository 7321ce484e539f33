package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeStrategies;

/** Mutant lifo-ids: freed node_ids come back most-recently-freed first (LIFO). Must break ID-3. */
final class LifoIds extends Mutant {
    @Override
    public String defect() {
        return "freed node_ids come back most-recently-freed first (LIFO)";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withIds(max -> new Allocators.Lifo(max)));
    }
}
