package dev.snow.sim.network;

import dev.snow.ref.collect.LongMap;

/**
 * A machine on the virtual network, named by its node's name. Up or down (crashed); while up
 * it may have a listening node ({@link #handler}) or none (stopped: SYNs are refused). Each
 * boot is a new {@link #incarnation}: segments for connections of an older one are answered
 * with RST.
 */
public final class Host {
    final int index;
    final String name;
    boolean up = true;
    int incarnation;
    HostHandler handler;
    /** Links from this host, by destination host index (looked up, never iterated). */
    final LongMap<Link> links = new LongMap<>(4);

    Host(int index, String name) {
        this.index = index;
        this.name = name;
    }

    public int index() {
        return index;
    }

    public String name() {
        return name;
    }

    public boolean up() {
        return up;
    }

    public int incarnation() {
        return incarnation;
    }
}
