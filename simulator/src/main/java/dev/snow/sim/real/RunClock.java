package dev.snow.sim.real;

/**
 * Scenario time against the wall clock: scenario nanoseconds = wall nanoseconds since the start
 * ({@link #start}) / scale. Before the start every instant reads 0.
 */
final class RunClock {
    private final double scale;
    private volatile long t0;

    RunClock(double scale) {
        this.scale = scale;
    }

    /** The clock starts now (scenario time 0). */
    void start() {
        t0 = System.nanoTime();
    }

    boolean started() {
        return t0 != 0;
    }

    long t0() {
        return t0;
    }

    /** Wall nanoseconds for a scenario duration. */
    long wall(long virtual) {
        return (long) (virtual * scale);
    }

    /** The scenario instant of a {@link System#nanoTime()} reading. */
    long toVirtual(long wallNanos) {
        return (long) ((wallNanos - t0) / scale);
    }

    /** Scenario time now; 0 before the start. */
    long now() {
        return t0 == 0 ? 0 : toVirtual(System.nanoTime());
    }

    /** Wall milliseconds since the start; 0 before it. */
    long wallMs() {
        return t0 == 0 ? 0 : (System.nanoTime() - t0) / 1_000_000;
    }

    /** A scenario duration as the wall milliseconds a node timer gets, at least 1. */
    long ms(long virtualNanos) {
        return Math.max(1, Math.round(virtualNanos * scale / 1e6));
    }
}
