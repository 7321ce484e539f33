package dev.snow.sim.scenario;

/**
 * One node's settings (durations in nanoseconds). {@code creation} null means random from the
 * node's seeded stream; a restart takes the previous creation + 1, wrapping 255 to 1.
 * {@code clockOffset} and {@code driftPpm} shape the node's own monotonic clock; {@code started}
 * false keeps the node down until a {@code start} action.
 */
public record NodeSettings(String cookie, Integer creation, long heartbeatInterval, long heartbeatTimeout,
                           long handshakeTimeout, int maxNodeId, int maxPendingHandshakes,
                           long clockOffset, long driftPpm, boolean started) {

    public static final NodeSettings DEFAULT = new NodeSettings("snow", null, 60 * Units.S, 15 * Units.S,
            7 * Units.S, 65535, 64, 0, 0, true);
}
