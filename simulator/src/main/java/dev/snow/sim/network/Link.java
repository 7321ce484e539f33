package dev.snow.sim.network;

import java.util.ArrayDeque;

/**
 * One direction of the path between two hosts: its parameters and the fault state set on it.
 * Shared by every connection between the pair.
 */
public final class Link {
    final int src;
    final int dst;
    LinkParams params;
    /** Set by a partition: every transmission on this direction is lost until healed. */
    boolean blocked;
    /** Set by hold: transmissions wait in {@link #heldQueue} until released, nothing is lost. */
    boolean held;
    final ArrayDeque<Segment> heldQueue = new ArrayDeque<>(0);
    /** When the last segment finishes serialising, for bandwidth. */
    long busyUntil;

    Link(int src, int dst, LinkParams params) {
        this.src = src;
        this.dst = dst;
        this.params = params;
    }

    public LinkParams params() {
        return params;
    }

    public boolean blocked() {
        return blocked;
    }

    public boolean held() {
        return held;
    }
}
