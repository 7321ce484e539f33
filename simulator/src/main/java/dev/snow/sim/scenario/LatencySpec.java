package dev.snow.sim.scenario;

/**
 * A one-way latency distribution as written in a file (nanoseconds): {@code fixed} (a),
 * {@code uniform} (a = min, b = max), {@code normal} (a = mean, b = stddev) or
 * {@code exponential} (a = min, b = mean of the tail above it).
 */
public record LatencySpec(String distribution, long a, long b) {

    public static LatencySpec fixed(long nanos) {
        return new LatencySpec("fixed", nanos, 0);
    }

    /** The mean one-way latency. */
    public long mean() {
        switch (distribution) {
            case "uniform":
                return (a + b) / 2;
            case "exponential":
                return a + b;
            default:
                return a;
        }
    }

    @Override
    public String toString() {
        switch (distribution) {
            case "fixed":
                return Units.format(a);
            case "uniform":
                return "uniform " + Units.format(a) + ".." + Units.format(b);
            case "normal":
                return "normal mean " + Units.format(a) + " sd " + Units.format(b);
            default:
                return "exponential " + Units.format(a) + " + mean " + Units.format(b);
        }
    }
}
