package dev.snow.conformance.harness;

import java.time.Duration;

/**
 * The suite's deadlines, scaled by the implementation's {@code timeout_scale} (a slow runtime may
 * need more). Protocol windows (heartbeat, handshake_timeout) are never scaled: they are what is
 * being judged.
 */
public record Timeouts(double scale) {
    public static final Timeouts DEFAULT = new Timeouts(1.0);

    /** How long the adapter may take to say ready (docs/ADAPTER.md: 30 s). */
    public Duration ready() {
        return Duration.ofSeconds(30);
    }

    /** How long a command's reply may take. */
    public Duration reply() {
        return scaled(10_000);
    }

    /** How long an expected event, frame or connection may take. */
    public Duration event() {
        return scaled(5_000);
    }

    /** How long the IUT may take to close a connection it must close at once. */
    public Duration close() {
        return scaled(3_000);
    }

    public Duration scaled(long millis) {
        return Duration.ofMillis(Math.round(millis * scale));
    }
}
