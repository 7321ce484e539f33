package dev.snow.sim.network;

import dev.snow.ref.collect.LongMap;
import dev.snow.ref.session.CloseCause;
import dev.snow.sim.engine.Rng;
import dev.snow.sim.engine.Simulation;
import dev.snow.sim.engine.Trace;
import dev.snow.sim.engine.TraceKind;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hosts, links and the connections between them. A dial runs the TCP and TLS 1.3 setup as
 * segments (SYN, SYN-ACK, ClientHello, server flight, client Finished); the client's node is
 * ready when the server flight arrives, the server's when the client Finished does. Every
 * segment goes through {@link TcpEngine}, which applies loss, partitions, holds, latency and
 * bandwidth.
 */
public final class Network {
    final Simulation sim;
    final Rng rng;
    final TcpParams tcp;
    final Trace trace;
    final Host[] hosts;
    final NetworkStats stats = new NetworkStats();
    private final Map<String, Host> byName = new HashMap<>();
    /** Materialised directed links, in creation order (the only order they are iterated in). */
    private final ArrayList<Link> links = new ArrayList<>();
    private final TcpEngine engine;
    private LinkParams defaults;
    private boolean defaultBlocked;
    private boolean defaultHeld;
    private Slicing defaultSlicing;
    private long nextConnection = 1;

    public Network(Simulation sim, Rng rng, LinkParams defaults, TcpParams tcp, List<String> hostNames, Trace trace) {
        this.sim = sim;
        this.rng = rng;
        this.defaults = defaults;
        this.tcp = tcp;
        this.trace = trace;
        this.hosts = new Host[hostNames.size()];
        for (int i = 0; i < hosts.length; i++) {
            hosts[i] = new Host(i, hostNames.get(i));
            if (byName.put(hostNames.get(i), hosts[i]) != null) {
                throw new IllegalArgumentException("two hosts named " + hostNames.get(i));
            }
        }
        this.engine = new TcpEngine(this);
    }

    public Host host(int index) {
        return hosts[index];
    }

    public int hostCount() {
        return hosts.length;
    }

    /** Host index of {@code name}, or -1. */
    public int indexOf(String name) {
        Host h = byName.get(name);
        return h == null ? -1 : h.index;
    }

    public NetworkStats stats() {
        return stats;
    }

    public TcpParams tcp() {
        return tcp;
    }

    /** The link from {@code src} to {@code dst}, created with the current defaults on first use. */
    public Link link(int src, int dst) {
        LongMap<Link> out = hosts[src].links;
        Link l = out.get(dst);
        if (l == null) {
            l = new Link(src, dst, defaults);
            l.blocked = defaultBlocked;
            l.held = defaultHeld;
            l.slicing = defaultSlicing;
            out.put(dst, l);
            links.add(l);
        }
        return l;
    }

    // ---------------------------------------------------------------- hosts

    /** The host boots a new incarnation (not listening yet); returns its number. */
    public int boot(int host) {
        Host h = hosts[host];
        h.up = true;
        h.incarnation++;
        h.handler = null;
        return h.incarnation;
    }

    /** The host's node listens: SYNs go to {@code handler}. */
    public void listen(int host, HostHandler handler) {
        hosts[host].handler = handler;
    }

    /** The host stops listening (its node shut down); new SYNs are refused. */
    public void stopListening(int host) {
        hosts[host].handler = null;
    }

    /** The machine dies: no FIN, no RST; its connections go silent. */
    public void crash(int host) {
        Host h = hosts[host];
        h.up = false;
        h.handler = null;
    }

    // ---------------------------------------------------------------- connections

    /**
     * Opens a connection from {@code src} to the host named {@code dstName} for the client core
     * connection {@code coreId}; {@code handler} hears how it goes.
     */
    public End dial(int src, String dstName, long coreId, HostHandler handler) {
        Host from = hosts[src];
        long number = nextConnection++;
        End c = new End(number, from, true, handler);
        c.coreId = coreId;
        c.lastHeard = sim.now();
        Host to = byName.get(dstName);
        if (to == null) {
            sim.after(0, t -> engine.closeApp(c, t, CloseCause.IO, "no host is named " + dstName));
            return c;
        }
        End s = new End(number, to, false, null);
        c.peer = s;
        s.peer = c;
        c.out = new Stream(c, s, link(from.index, to.index), link(to.index, from.index));
        s.out = new Stream(s, c, c.out.reverse, c.out.link);
        c.in = s.out;
        s.in = c.out;
        engine.transmit(c.out, Segment.Kind.SYN, null);
        return c;
    }

    /** The node writes {@code data} on {@code end}. Ignored once the end is closed or dead. */
    public void send(End end, byte[] data) {
        if (end.appClosed || end.dead || end.out == null) {
            return;
        }
        engine.transmit(end.out, Segment.Kind.DATA, data);
    }

    /**
     * The node closes {@code end}: a FIN follows the bytes already sent. A dial still waiting
     * for its SYN-ACK just stops (a late SYN-ACK is answered with RST).
     */
    public void close(End end) {
        if (end.appClosed) {
            return;
        }
        end.appClosed = true;
        trace.record(sim.now(), TraceKind.CLOSE, end.host.index, end.coreId, end.connection, 0, null);
        if (!end.dead && end.out != null && end.established) {
            engine.transmit(end.out, Segment.Kind.FIN, null);
        }
    }

    // ---------------------------------------------------------------- faults

    /** Partition: transmissions on these links are lost until {@link #unblock}. */
    public void block(LinkSet set) {
        if (set.all()) {
            defaultBlocked = true;
            links.forEach(l -> l.blocked = true);
            return;
        }
        for (int[] p : set.pairs()) {
            link(p[0], p[1]).blocked = true;
        }
    }

    public void unblock(LinkSet set) {
        if (set.all()) {
            defaultBlocked = false;
            links.forEach(l -> l.blocked = false);
            return;
        }
        for (int[] p : set.pairs()) {
            link(p[0], p[1]).blocked = false;
        }
    }

    /** Hold: transmissions on these links wait, in order, until {@link #release}. */
    public void hold(LinkSet set) {
        if (set.all()) {
            defaultHeld = true;
            links.forEach(l -> l.held = true);
            return;
        }
        for (int[] p : set.pairs()) {
            link(p[0], p[1]).held = true;
        }
    }

    public void release(LinkSet set) {
        if (set.all()) {
            defaultHeld = false;
            for (Link l : links.toArray(new Link[0])) {
                engine.release(l);
            }
            return;
        }
        for (int[] p : set.pairs()) {
            engine.release(link(p[0], p[1]));
        }
    }

    /**
     * Reset: every connection open now (numbered below the next one) is reset {@code timeout}
     * after its next data or FIN on these links. Only live connections are on a link, so
     * {@code all} needs no default.
     */
    public void reset(LinkSet set, long timeout) {
        long below = nextConnection;
        forEach(set, l -> {
            l.resetBelow = below;
            l.resetTimeout = timeout;
        });
    }

    /** Slicer: data on these links is cut and spaced from now on; {@code null} ends it. */
    public void setSlicing(LinkSet set, Slicing slicing) {
        if (set.all()) {
            defaultSlicing = slicing;
        }
        forEach(set, l -> l.slicing = slicing);
    }

    public void setLatency(LinkSet set, Latency latency, long jitter) {
        if (set.all()) {
            defaults = defaults.withLatency(latency, jitter);
        }
        forEach(set, l -> l.params = l.params.withLatency(latency, jitter));
    }

    public void setLoss(LinkSet set, double loss) {
        if (set.all()) {
            defaults = defaults.withLoss(loss);
        }
        forEach(set, l -> l.params = l.params.withLoss(loss));
    }

    public void setBandwidth(LinkSet set, long bitsPerSecond) {
        if (set.all()) {
            defaults = defaults.withBandwidth(bitsPerSecond);
        }
        forEach(set, l -> l.params = l.params.withBandwidth(bitsPerSecond));
    }

    private void forEach(LinkSet set, java.util.function.Consumer<Link> change) {
        if (set.all()) {
            links.forEach(change);
            return;
        }
        for (int[] p : set.pairs()) {
            change.accept(link(p[0], p[1]));
        }
    }
}
