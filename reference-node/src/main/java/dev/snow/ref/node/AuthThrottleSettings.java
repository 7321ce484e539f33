package dev.snow.ref.node;

import java.time.Duration;

/**
 * How the auth-failure throttle (LIM-6) backs off: after {@code threshold} cookie failures from
 * one source, that source's new connections are refused for {@code backoff}, doubled for each
 * further failure up to {@code maxBackoff}. A source is forgotten after {@code maxBackoff}
 * without failures, or when it authenticates. {@code threshold == 0} turns the throttle off.
 * At most {@code maxSources} sources are tracked (the least recently seen dropped first), so
 * memory stays bounded however many addresses an attacker has.
 */
public record AuthThrottleSettings(int threshold, long backoffNanos, long maxBackoffNanos, int maxSources) {
    public static final int DEFAULT_THRESHOLD = 5;
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_SOURCES = 4096;

    public static final AuthThrottleSettings DEFAULT = new AuthThrottleSettings(DEFAULT_THRESHOLD,
            DEFAULT_BACKOFF.toNanos(), DEFAULT_MAX_BACKOFF.toNanos(), DEFAULT_MAX_SOURCES);
    public static final AuthThrottleSettings OFF = new AuthThrottleSettings(0, DEFAULT_BACKOFF.toNanos(),
            DEFAULT_MAX_BACKOFF.toNanos(), DEFAULT_MAX_SOURCES);

    public AuthThrottleSettings {
        if (threshold < 0) {
            throw new IllegalArgumentException("auth_failure_threshold must be 0 (off) or more, was " + threshold);
        }
        if (backoffNanos <= 0) {
            throw new IllegalArgumentException("auth_backoff must be positive, was " + Duration.ofNanos(backoffNanos));
        }
        if (maxBackoffNanos < backoffNanos) {
            throw new IllegalArgumentException("auth_backoff_max must be at least auth_backoff ("
                    + Duration.ofNanos(backoffNanos) + "), was " + Duration.ofNanos(maxBackoffNanos));
        }
        if (maxSources < 1) {
            throw new IllegalArgumentException("the throttle must track at least 1 source, was " + maxSources);
        }
    }

    public static AuthThrottleSettings of(int threshold, Duration backoff, Duration maxBackoff) {
        return new AuthThrottleSettings(threshold, backoff.toNanos(), maxBackoff.toNanos(), DEFAULT_MAX_SOURCES);
    }

    public boolean enabled() {
        return threshold > 0;
    }
}
