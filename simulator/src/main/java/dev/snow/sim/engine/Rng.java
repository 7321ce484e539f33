package dev.snow.sim.engine;

/**
 * A seeded random stream (SplitMix64). Fast, small, and the same sequence on every JVM: the
 * floating-point helpers use {@link StrictMath} so a JIT intrinsic cannot change a result.
 */
public final class Rng {
    private long state;

    public Rng(long seed) {
        this.state = seed;
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        return mix(z);
    }

    /** The SplitMix64 finaliser: a bijective 64-bit mix. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound). */
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + bound);
        }
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
        while (true) {
            long r = nextLong() >>> 1;
            if (r < limit) {
                return r % bound;
            }
        }
    }

    /** Uniform in [lo, hi] (both inclusive). */
    public long between(long lo, long hi) {
        if (hi < lo) {
            throw new IllegalArgumentException("empty range " + lo + ".." + hi);
        }
        if (hi == lo) {
            return lo;
        }
        long span = hi - lo + 1;
        return span <= 0 ? lo + (nextLong() >>> 1) : lo + nextLong(span);
    }

    public int nextInt(int bound) {
        return (int) nextLong(bound);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** True with probability {@code p}. */
    public boolean chance(double p) {
        return p > 0 && (p >= 1 || nextDouble() < p);
    }

    /** Standard normal (Box-Muller, one value per call). */
    public double nextGaussian() {
        double u1 = nextDouble();
        double u2 = nextDouble();
        if (u1 < 1e-300) {
            u1 = 1e-300;
        }
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }

    /** Exponential with the given mean. */
    public double nextExponential(double mean) {
        return -mean * StrictMath.log(1 - nextDouble());
    }

    public void nextBytes(byte[] out) {
        int i = 0;
        while (i < out.length) {
            long r = nextLong();
            for (int k = 0; k < 8 && i < out.length; k++) {
                out[i++] = (byte) r;
                r >>>= 8;
            }
        }
    }
}
