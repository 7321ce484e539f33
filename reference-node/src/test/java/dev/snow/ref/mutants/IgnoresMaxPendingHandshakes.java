package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeSettings;

/** Mutant ignores-max-pending-handshakes: ignores max_pending_handshakes: holds any number of unauthenticated connections. Must break LIM-2. */
final class IgnoresMaxPendingHandshakes extends Mutant {
    @Override
    public String defect() {
        return "ignores max_pending_handshakes: holds any number of unauthenticated connections";
    }

    @Override
    protected NodeSettings settings(NodeSettings asked) {
        return Settings.rewrite(asked, b -> b.maxPendingHandshakes(1 << 20));
    }
}
