package dev.snow.sim.engine;

/**
 * One node's monotonic clock as a function of virtual time: an offset (the clock's arbitrary
 * origin, plus forward jumps) and a drift in parts per million. A node's {@code now} is
 * {@link #local(long)}; its timer deadlines come back through {@link #virtualAt(long)}.
 * <pre>
 *  local(v) = base_local + (v - base_virtual) * (1 + drift_ppm / 1e6)
 * </pre>
 * A change of drift re-bases the line at the current instant, so local time stays continuous.
 * Jumps are forward only: a monotonic clock never goes back.
 */
public final class NodeClock {
    /** Drift beyond ±10% is not a clock, it is a bug in the scenario. */
    public static final long MAX_DRIFT_PPM = 100_000;

    private long baseVirtual;
    private long baseLocal;
    private long ppm;
    private long slowestPpm;

    public NodeClock(long offset, long driftPpm) {
        checkDrift(driftPpm);
        this.baseLocal = offset;
        this.ppm = driftPpm;
        this.slowestPpm = driftPpm;
    }

    public static void checkDrift(long driftPpm) {
        if (Math.abs(driftPpm) > MAX_DRIFT_PPM) {
            throw new IllegalArgumentException("drift_ppm must be within ±" + MAX_DRIFT_PPM + ", was " + driftPpm);
        }
    }

    public long local(long virtual) {
        long dv = virtual - baseVirtual;
        if (ppm == 0) {
            return baseLocal + dv;
        }
        return baseLocal + dv + scale(dv, ppm);
    }

    /** The earliest virtual instant at which the local clock reads at least {@code localTime}. */
    public long virtualAt(long localTime) {
        if (localTime == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        long dl = localTime - baseLocal;
        if (ppm == 0) {
            return baseVirtual + dl;
        }
        long guess = baseVirtual + (long) StrictMath.floor(dl * (1_000_000.0 / (1_000_000 + ppm)));
        while (local(guess) < localTime) {
            guess++;
        }
        while (guess > baseVirtual && local(guess - 1) >= localTime) {
            guess--;
        }
        return Math.max(guess, baseVirtual);
    }

    /** Moves the clock forward by {@code jump} and sets a new drift, from virtual time {@code now}. */
    public void adjust(long now, long jump, long driftPpm) {
        if (jump < 0) {
            throw new IllegalArgumentException("a monotonic clock cannot jump back (jump " + jump + " ns)");
        }
        checkDrift(driftPpm);
        baseLocal = local(now) + jump;
        baseVirtual = now;
        ppm = driftPpm;
        slowestPpm = Math.min(slowestPpm, driftPpm);
    }

    public long driftPpm() {
        return ppm;
    }

    /**
     * The virtual time that may pass while this clock advances {@code localSpan}, at the slowest
     * rate it ever ran (rounded up, plus one nanosecond per conversion).
     */
    public long worstVirtualSpan(long localSpan) {
        if (slowestPpm >= 0) {
            return localSpan;
        }
        return (long) StrictMath.ceil(localSpan * (1_000_000.0 / (1_000_000 + slowestPpm))) + 2;
    }

    /** {@code dv * ppm / 1e6} without overflow for any dv a run can reach. */
    private static long scale(long dv, long ppm) {
        return (dv / 1_000_000) * ppm + ((dv % 1_000_000) * ppm) / 1_000_000;
    }
}
