package dev.snow.ref.node;

import dev.snow.ref.handshake.NodeName;

/**
 * The answer to {@link NodeCore#connect}: STARTED with the connection id the transport must
 * dial (to {@code target.hostForDialling()}:{@code target.port()} unless an address override
 * applies), or why nothing was started.
 */
public record ConnectResult(Outcome outcome, long connection, NodeName target, String detail) {

    /**
     * STARTED: dial it. NO_NODE_ID: not dialled, and a handshake_failed not_allowed event was
     * reported (ID-5). The others are refusals answered to the caller only, with no event.
     */
    public enum Outcome { STARTED, ALREADY_CONNECTED, ALREADY_CONNECTING, SELF, INVALID_NAME, NO_NODE_ID, STOPPED }

    public boolean started() {
        return outcome == Outcome.STARTED;
    }

    static ConnectResult started(long connection, NodeName target) {
        return new ConnectResult(Outcome.STARTED, connection, target, null);
    }

    static ConnectResult refused(Outcome outcome, String detail) {
        return new ConnectResult(outcome, -1, null, detail);
    }
}
