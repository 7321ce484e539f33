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
    /** Created on the first hold (a mesh has a million links, few ever held). */
    ArrayDeque<Segment> heldQueue;
    /** Set by a slicer: data is cut into slices spaced in time; null = whole. */
    Slicing slicing;
    /**
     * Set by a reset: a connection numbered below this one (open at the reset) is reset {@link
     * #resetTimeout} after its next data or FIN on this direction.
     */
    long resetBelow;
    long resetTimeout;
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

    public Slicing slicing() {
        return slicing;
    }

    void hold(Segment seg) {
        if (heldQueue == null) {
            heldQueue = new ArrayDeque<>();
        }
        heldQueue.add(seg);
    }
}
