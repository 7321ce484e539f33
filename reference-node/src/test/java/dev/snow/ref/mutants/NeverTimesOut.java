package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeSettings;

/** Mutant never-times-out: ignores heartbeat_timeout: a peer that stops answering PING is never declared dead. Must break HB-3. */
final class NeverTimesOut extends Mutant {
    @Override
    public String defect() {
        return "ignores heartbeat_timeout: a peer that stops answering PING is never declared dead";
    }

    @Override
    protected NodeSettings settings(NodeSettings asked) {
        return Settings.rewrite(asked, b -> b.heartbeatTimeout(Settings.NEVER));
    }
}
