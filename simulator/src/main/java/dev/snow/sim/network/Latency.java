package dev.snow.sim.network;

import dev.snow.sim.engine.Rng;

/**
 * A one-way latency distribution, in nanoseconds. Samples are never negative.
 * <ul>
 *   <li>{@code FIXED}: always {@code a};</li>
 *   <li>{@code UNIFORM}: uniform in [{@code a}, {@code b}];</li>
 *   <li>{@code NORMAL}: mean {@code a}, standard deviation {@code b}, cut at 0;</li>
 *   <li>{@code EXPONENTIAL}: {@code a} plus an exponential tail of mean {@code b}.</li>
 * </ul>
 */
public record Latency(Kind kind, long a, long b) {

    public enum Kind { FIXED, UNIFORM, NORMAL, EXPONENTIAL }

    public static final Latency ZERO = fixed(0);

    public Latency {
        if (a < 0 || b < 0) {
            throw new IllegalArgumentException("latency parameters must not be negative: " + a + ", " + b);
        }
        if (kind == Kind.UNIFORM && b < a) {
            throw new IllegalArgumentException("uniform latency needs min <= max, got " + a + " > " + b);
        }
    }

    public static Latency fixed(long nanos) {
        return new Latency(Kind.FIXED, nanos, 0);
    }

    public long sample(Rng rng) {
        switch (kind) {
            case FIXED:
                return a;
            case UNIFORM:
                return rng.between(a, b);
            case NORMAL:
                return Math.max(0, a + (long) (rng.nextGaussian() * b));
            case EXPONENTIAL:
                return a + (long) rng.nextExponential(b);
            default:
                throw new IllegalStateException("unknown latency kind " + kind);
        }
    }

    /** The mean, used to estimate a round trip for the first retransmission timeout. */
    public long mean() {
        switch (kind) {
            case UNIFORM:
                return (a + b) / 2;
            case EXPONENTIAL:
                return a + b;
            default:
                return a;
        }
    }

    @Override
    public String toString() {
        switch (kind) {
            case FIXED:
                return a + "ns";
            case UNIFORM:
                return "uniform(" + a + "ns.." + b + "ns)";
            case NORMAL:
                return "normal(mean " + a + "ns, sd " + b + "ns)";
            default:
                return "exponential(" + a + "ns + mean " + b + "ns)";
        }
    }
}
