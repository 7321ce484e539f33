package dev.snow.sim.real;

import dev.snow.sim.scenario.LatencySpec;

/**
 * Scenario quantities to Toxiproxy toxic attributes, at a time scale (wall = virtual x scale).
 * Pure arithmetic, no I/O.
 *
 * <ul>
 *   <li>latency: Toxiproxy delays each chunk by {@code latency +/- jitter} (uniform, ms). A
 *       scenario latency maps to its mean plus half its jitter, and the spread to half the width
 *       of the distribution (uniform: (max - min) / 2; normal: one stddev; exponential: the
 *       tail's mean) plus half the scenario jitter.</li>
 *   <li>bandwidth: Toxiproxy's {@code rate} is KB/s (1,000 bytes); the scenario's bits per
 *       second divided by 8,000, and by the scale (a run 10x faster moves the same bytes 10x
 *       faster), at least 1.</li>
 *   <li>loss, where the server has no {@code loss} toxic: TCP turns a lost segment into a
 *       retransmission after an RTO of 200 ms, doubling. A chunk sent n+1 times waits
 *       200 ms x (2^n - 1), with probability rate^n x (1 - rate), n at most 6; the mapping is a
 *       latency toxic of that mean and a jitter of the same size (delays uniform in
 *       [0, 2 x mean]). The RTO is the kernel's, not scaled.</li>
 *   <li>reset: a {@code reset_peer} toxic whose {@code timeout} (ms) is the scenario's, times
 *       the scale.</li>
 *   <li>slicer: a {@code slicer} toxic with the same sizes; its {@code delay} is in
 *       microseconds, times the scale.</li>
 * </ul>
 */
final class ToxicMapping {
    static final long RTO_MS = 200;
    /** The latency of a {@code hold}: data waits in the proxy, in order, until the toxic is removed. */
    static final long HOLD_MS = 3_600_000;

    private ToxicMapping() {
    }

    /** [latency ms, jitter ms] for a scenario latency and jitter (ns) at {@code scale}. */
    static long[] latency(LatencySpec spec, long jitterNanos, double scale) {
        double spread;
        switch (spec.distribution()) {
            case "uniform":
                spread = (spec.b() - spec.a()) / 2.0;
                break;
            case "normal":
            case "exponential":
                spread = spec.b();
                break;
            default:
                spread = 0;
        }
        double mean = spec.mean() + jitterNanos / 2.0;
        spread += jitterNanos / 2.0;
        return new long[] {Math.round(mean * scale / 1e6), Math.round(spread * scale / 1e6)};
    }

    /** Toxiproxy bandwidth rate (KB/s) for {@code bitsPerSecond} at {@code scale}; 0 means unlimited (no toxic). */
    static long bandwidthKBps(long bitsPerSecond, double scale) {
        if (bitsPerSecond <= 0) {
            return 0;
        }
        return Math.max(1, Math.round(bitsPerSecond / 8000.0 / scale));
    }

    /** At most this many retransmissions of one chunk (12.6 s), as the embedded {@code loss} toxic draws them. */
    static final int MAX_RETRANSMISSIONS = 6;

    /**
     * The mean retransmission delay (ms) a chunk sees at loss {@code rate}: the sum over n of
     * P(n consecutive losses) x 200 ms x (2^n - 1), n capped at 6, the same model the embedded
     * {@code loss} toxic draws from, so both fault servers give the same mean.
     */
    static long lossMeanDelayMs(double rate) {
        if (rate <= 0) {
            return 0;
        }
        double r = Math.min(rate, 1.0);
        double mean = 0;
        double pn = 1;
        for (int n = 0; n < MAX_RETRANSMISSIONS; n++) {
            mean += (1 - r) * pn * RTO_MS * ((1L << n) - 1);
            pn *= r;
        }
        return Math.round(mean + pn * RTO_MS * ((1L << MAX_RETRANSMISSIONS) - 1));
    }

    /** The {@code reset_peer} timeout (ms) for a scenario reset timeout (ns) at {@code scale}. */
    static long resetTimeoutMs(long timeoutNanos, double scale) {
        return Math.round(timeoutNanos * scale / 1e6);
    }

    /** The {@code slicer} delay (µs) for a scenario slicer delay (ns) at {@code scale}. */
    static long slicerDelayMicros(long delayNanos, double scale) {
        return Math.round(delayNanos * scale / 1e3);
    }
}
