package dev.snow.sim.scenario;

/**
 * Fault knobs drawn per seed (TigerBeetle's swarm testing): each is null when absent.
 * Ranges are [lo, hi] in the knob's unit (nanoseconds, fraction, ppm, count).
 */
public record SwarmSpec(long[] latency, long[] jitter, double[] loss, long[] driftPpm, long[] clockOffset,
                        Faults partitions, Faults holds, Faults crashes) {

    public static final SwarmSpec NONE = new SwarmSpec(null, null, null, null, null, null, null, null);

    /**
     * Randomly placed faults: between {@code count[0]} and {@code count[1]} of them, each on nodes
     * drawn from {@code among}, starting in [{@code from}, {@code to}] and lasting
     * {@code duration[0]}..{@code duration[1]} (for crashes: the downtime before the restart).
     * {@code oneWay} is the probability that a partition or hold is one-way.
     */
    public record Faults(long[] count, Selector among, long from, long to, long[] duration, double oneWay) {
    }

    public boolean isEmpty() {
        return latency == null && jitter == null && loss == null && driftPpm == null && clockOffset == null
                && partitions == null && holds == null && crashes == null;
    }
}
