package dev.snow.sim.network;

/** Counters of a run's network, for reports and benchmarks. */
public final class NetworkStats {
    long connections;
    long segments;
    long retransmissions;
    long resets;
    long aborts;
    long bytes;

    public long connections() {
        return connections;
    }

    public long segments() {
        return segments;
    }

    public long retransmissions() {
        return retransmissions;
    }

    public long resets() {
        return resets;
    }

    public long aborts() {
        return aborts;
    }

    public long bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return "connections=" + connections + " segments=" + segments + " retransmissions=" + retransmissions
                + " resets=" + resets + " aborts=" + aborts + " app_bytes=" + bytes;
    }
}
