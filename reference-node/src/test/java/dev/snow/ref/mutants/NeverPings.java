package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeSettings;

/** Mutant never-pings: ignores heartbeat_interval: never sends PING. Must break HB-1. */
final class NeverPings extends Mutant {
    @Override
    public String defect() {
        return "ignores heartbeat_interval: never sends PING";
    }

    @Override
    protected NodeSettings settings(NodeSettings asked) {
        return Settings.rewrite(asked, b -> b.heartbeatInterval(Settings.NEVER));
    }
}
