package dev.snow.ref.transport;

/**
 * The {@code now} the core is given: {@link System#nanoTime()} minus the instant the clock was
 * made, so values start near zero and never go backwards.
 */
public final class MonotonicClock {
    private final long base = System.nanoTime();

    /** Nanoseconds since this clock was made. */
    public long now() {
        return System.nanoTime() - base;
    }
}
