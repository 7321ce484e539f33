package dev.snow.ref.mutants;

import dev.snow.ref.node.NodeConfig;
import dev.snow.ref.transport.NodeSettings;

/** Mutant ignores-max-pending-handshakes: ignores max_pending_handshakes: holds any number of unauthenticated connections. Must break LIM-2. */
final class IgnoresMaxPendingHandshakes extends Mutant {
    @Override
    public String defect() {
        return "ignores max_pending_handshakes: holds any number of unauthenticated connections";
    }

    @Override
    protected NodeSettings settings(NodeSettings asked) {
        // The per-source limit (LIM-5) was clamped to max_pending_handshakes when the asked
        // settings were built, so a node that ignores that setting has the default per-source
        // limit instead (or none, if asked for none): one source then holds up to 16.
        int perSource = asked.config().maxPendingPerSource() == 0 ? 0 : NodeConfig.DEFAULT_MAX_PENDING_PER_SOURCE;
        return Settings.rewrite(asked, b -> b.maxPendingHandshakes(1 << 20).maxPendingPerSource(perSource));
    }
}
