package dev.snow.ref.mutants;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.transport.NodeStrategies;

/**
 * Mutant fast-pings@acceptor / @initiator: the sessions of one role send PING every
 * heartbeat_interval / 2, not every heartbeat_interval (a wrong schedule, not a missing one). Must break HB-1.
 */
final class FastPings extends Mutant {
    private final Direction role;

    FastPings(Direction role) {
        this.role = role;
    }

    @Override
    public String defect() {
        return "as " + Roles.of(role) + ", sends PING every heartbeat_interval / 2";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        return real.withCore(real.core().withPingInterval((r, nanos) -> r == role ? nanos / 2 : nanos));
    }
}
