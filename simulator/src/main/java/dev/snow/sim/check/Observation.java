package dev.snow.sim.check;

/**
 * What a node reported, at a scenario time in nanoseconds: the adapter events of
 * docs/ADAPTER.md plus the starts and stops the runner caused. Names are full node names;
 * reasons and directions are their wire names.
 */
public sealed interface Observation {
    long time();

    String node();

    record Up(long time, String node, String peer, int nodeId, int creation, String direction) implements Observation {
    }

    record Down(long time, String node, String peer, int nodeId, String reason) implements Observation {
    }

    /** {@code peer} is null when the peer never sent its name. */
    record Failed(long time, String node, String peer, String direction, String reason) implements Observation {
    }

    record Started(long time, String node, int creation) implements Observation {
    }

    /** The node stopped or crashed: all its sessions are gone without events. */
    record Stopped(long time, String node, String how) implements Observation {
    }
}
