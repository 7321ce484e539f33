package dev.snow.sim.network;

import java.util.TreeMap;

/**
 * One direction of a TCP connection: from {@link #src} to {@link #dst}. Segments get sequence
 * numbers as they are sent and reach the receiving application strictly in that order; a
 * segment that arrives early waits in {@link #early} for the ones before it (head-of-line
 * blocking behind a retransmission).
 */
final class Stream {
    final End src;
    final End dst;
    final Link link;
    final Link reverse;
    long nextSeq;
    long nextDeliver;
    long lastArrival;
    /** A reset armed by this stream's data: what it sends from now on is lost, the reset is scheduled. */
    boolean resetArmed;
    /** When the slicer lets this stream's next slice go (slices of successive writes do not overlap). */
    long sliceClock;
    /** Arrived out of order; keyed by sequence number (ordered, never hashed). */
    TreeMap<Long, Segment> early;

    Stream(End src, End dst, Link link, Link reverse) {
        this.src = src;
        this.dst = dst;
        this.link = link;
        this.reverse = reverse;
    }
}
