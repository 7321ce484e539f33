package dev.snow.sim.network;

import java.util.function.LongSupplier;

/**
 * One side of a simulated TCP connection, as its node sees it. The node sends through
 * {@link Network#send} and closes through {@link Network#close}; the network reports to the
 * {@link HostHandler} captured when this end was opened.
 */
public final class End implements LongSupplier {
    /** A number unique in the run, shared by both ends of a connection (for traces and checks). */
    final long connection;
    final Host host;
    int incarnation;
    final boolean client;
    HostHandler handler;
    long coreId = -1;
    End peer;
    Stream out;
    Stream in;
    /** The application has closed (or been told it is closed); it hears nothing more. */
    boolean appClosed;
    /** TCP gave up or was reset; no more retransmissions from this side. */
    boolean dead;
    /** TCP is established: the server accepted the SYN, or the client got the SYN-ACK. */
    boolean established;
    boolean tlsReady;
    /** Virtual time bytes last reached the application on this end (or the open time). */
    long lastHeard;

    End(long connection, Host host, boolean client, HostHandler handler) {
        this.connection = connection;
        this.host = host;
        this.incarnation = host.incarnation;
        this.client = client;
        this.handler = handler;
    }

    public long connection() {
        return connection;
    }

    public int host() {
        return host.index;
    }

    public int incarnation() {
        return incarnation;
    }

    public boolean isClient() {
        return client;
    }

    public long coreId() {
        return coreId;
    }

    public End peer() {
        return peer;
    }

    public HostHandler handler() {
        return handler;
    }

    public boolean isOpen() {
        return !appClosed && !dead;
    }

    public long lastHeard() {
        return lastHeard;
    }

    /** {@link #lastHeard()}, for checks that watch it without holding a lambda per session. */
    @Override
    public long getAsLong() {
        return lastHeard;
    }

    /** Still the live boot of its host. */
    boolean current() {
        return host.up && host.incarnation == incarnation;
    }
}
