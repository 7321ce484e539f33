package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeSettings;

/** Mutant ignores-configured-creation: runs with creation + 1 (255 -> 1) instead of the creation start asked for. Must break ID-6. */
final class IgnoresConfiguredCreation extends Mutant {
    @Override
    public String defect() {
        return "runs with the configured creation + 1, not the configured one";
    }

    @Override
    protected NodeSettings settings(NodeSettings asked) {
        return Settings.rewrite(asked, b -> b.creation(asked.config().creation() % 255 + 1));
    }
}
