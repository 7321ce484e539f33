package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeSettings;

/** Mutant no-handshake-deadline: ignores handshake_timeout: a stalled handshake is never closed. Must break LIM-1. */
final class NoHandshakeDeadline extends Mutant {
    @Override
    public String defect() {
        return "ignores handshake_timeout: a stalled handshake is never closed";
    }

    @Override
    protected NodeSettings settings(NodeSettings asked) {
        return Settings.rewrite(asked, b -> b.handshakeTimeout(Settings.NEVER));
    }
}
