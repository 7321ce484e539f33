package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeSettings;

/** Mutant ignores-max-node-id: ignores max_node_id: hands out ids up to 65535. Must break ID-1,ID-5. */
final class IgnoresMaxNodeId extends Mutant {
    @Override
    public String defect() {
        return "ignores max_node_id: hands out ids up to 65535";
    }

    @Override
    protected NodeSettings settings(NodeSettings asked) {
        return Settings.rewrite(asked, b -> b.maxNodeId(65535));
    }
}
