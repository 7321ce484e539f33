package dev.snow.ref.mutants;

import dev.snow.ref.transport.NodeSettings;
import java.time.Duration;

/** Mutant short-heartbeat-timeout: declares a peer dead at half heartbeat_timeout, so a late PONG within the timeout is missed. Must break HB-5. */
final class ShortHeartbeatTimeout extends Mutant {
    @Override
    public String defect() {
        return "declares a peer dead at half heartbeat_timeout, so a late PONG within the timeout is missed";
    }

    @Override
    protected NodeSettings settings(NodeSettings asked) {
        return Settings.rewrite(asked, b -> b.heartbeatTimeout(Duration.ofNanos(asked.config().heartbeatTimeoutNanos() / 2)));
    }
}
