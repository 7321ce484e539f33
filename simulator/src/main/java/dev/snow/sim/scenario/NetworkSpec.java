package dev.snow.sim.scenario;

/**
 * The network defaults of a scenario (every link starts with them) and the TCP timers.
 * Durations in nanoseconds; bandwidth in bits per second, 0 = unlimited.
 */
public record NetworkSpec(LatencySpec latency, long jitter, double loss, long bandwidth,
                          long rtoMin, long rtoMax, long synRto, long synTimeout, long resetAfter) {

    public static final NetworkSpec DEFAULT = new NetworkSpec(LatencySpec.fixed(Units.MS), 0, 0, 0,
            200 * Units.MS, 120 * Units.S, Units.S, 127 * Units.S, 900 * Units.S);

    public NetworkSpec withLatency(LatencySpec l, long j) {
        return new NetworkSpec(l, j, loss, bandwidth, rtoMin, rtoMax, synRto, synTimeout, resetAfter);
    }

    public NetworkSpec withLoss(double p) {
        return new NetworkSpec(latency, jitter, p, bandwidth, rtoMin, rtoMax, synRto, synTimeout, resetAfter);
    }
}
