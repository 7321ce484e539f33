package dev.snow.ref.cli;

/**
 * Rate limit for repeated failure lines (LOG-3): a token bucket of {@code 2 * perSecond} lines
 * refilled at {@code perSecond}; a line that finds the bucket empty is dropped and counted, and
 * the count is reported by the next line that is written. {@code perSecond == 0}: no limit.
 * Time comes from the caller (nanoseconds, monotonic); not thread-safe.
 */
final class FailureLineLimiter {
    private final long perSecond;
    private final double burst;
    private double tokens;
    private long lastRefill;
    private boolean started;
    private long dropped;

    FailureLineLimiter(int perSecond) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("--max-failure-lines must be 0 (no limit) or more, was " + perSecond);
        }
        this.perSecond = perSecond;
        this.burst = 2.0 * perSecond;
        this.tokens = burst;
    }

    /** True if a failure line may be written at {@code now}; false if it was dropped (and counted). */
    boolean admit(long now) {
        if (perSecond == 0) {
            return true;
        }
        if (!started) {
            started = true;
            lastRefill = now;
        }
        tokens = Math.min(burst, tokens + (now - lastRefill) * perSecond / 1e9);
        lastRefill = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        dropped++;
        return false;
    }

    /** Lines dropped since the last call, and resets the count. */
    long takeDropped() {
        long d = dropped;
        dropped = 0;
        return d;
    }
}
