package dev.snow.sim.network;

/**
 * What one direction of a link does to a segment: a latency sample plus uniform jitter in
 * [0, {@code jitter}], a loss probability per transmission, and a bandwidth (bits per second;
 * 0 means unlimited) that serialises the segments of all connections on the link.
 */
public record LinkParams(Latency latency, long jitter, double loss, long bitsPerSecond) {

    public static final LinkParams DEFAULT = new LinkParams(Latency.fixed(1_000_000), 0, 0, 0);

    public LinkParams {
        if (jitter < 0) {
            throw new IllegalArgumentException("jitter must not be negative, was " + jitter);
        }
        if (!(loss >= 0 && loss <= 1)) {
            throw new IllegalArgumentException("loss must be within 0..1, was " + loss);
        }
        if (bitsPerSecond < 0) {
            throw new IllegalArgumentException("bandwidth must not be negative, was " + bitsPerSecond);
        }
    }

    public LinkParams withLatency(Latency l, long j) {
        return new LinkParams(l, j, loss, bitsPerSecond);
    }

    public LinkParams withLoss(double p) {
        return new LinkParams(latency, jitter, p, bitsPerSecond);
    }

    public LinkParams withBandwidth(long bps) {
        return new LinkParams(latency, jitter, loss, bps);
    }
}
