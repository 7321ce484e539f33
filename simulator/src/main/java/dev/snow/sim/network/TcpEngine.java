package dev.snow.sim.network;

import dev.snow.ref.session.CloseCause;
import dev.snow.sim.engine.TraceKind;
import java.util.ArrayDeque;
import java.util.TreeMap;

/**
 * How one segment travels. At each transmission attempt:
 * <pre>
 *  held link          -> wait in the link's queue until release (no loss, no timer)
 *  blocked link, dead host, or a loss draw
 *                     -> not delivered; retransmit after the RTO, which doubles each time
 *  otherwise          -> arrives after serialisation (bandwidth) + latency + jitter,
 *                        never before the stream's previous segment (one path, FIFO)
 *  acknowledged when delivered and the reverse link is not blocked; an unacknowledged
 *  segment keeps being retransmitted; after reset_after (SYN: syn_timeout) the sender aborts
 * </pre>
 * A slicer cuts DATA into several segments sent apart in time; a reset armed by a stream's data
 * drops what it sends and resets both ends after the link's reset timeout.
 * Arrivals reach the application in sequence order; a segment for an end whose host rebooted,
 * or data for an end its node closed, is answered with RST.
 */
final class TcpEngine {
    private final Network net;

    TcpEngine(Network net) {
        this.net = net;
    }

    void transmit(Stream s, Segment.Kind kind, byte[] data) {
        long now = net.sim.now();
        boolean carries = kind == Segment.Kind.DATA || kind == Segment.Kind.FIN;
        if (carries && !s.resetArmed && s.src.connection < s.link.resetBelow) {
            armReset(s, now);
        }
        if (s.resetArmed && carries) {
            return;
        }
        Slicing slicing = s.link.slicing;
        if (kind == Segment.Kind.DATA && slicing != null) {
            slice(s, data, slicing, now);
            return;
        }
        send(new Segment(this, s, kind, data, s.nextSeq++), now);
    }

    /**
     * The slicer: the write becomes several segments with consecutive sequence numbers, each
     * leaving {@code delay} after the one before (and after the previous write's last slice), so
     * the receiver gets the same bytes in order, a slice at a time.
     */
    private void slice(Stream s, byte[] data, Slicing slicing, long now) {
        int[] ends = slicing.cuts(data.length, net.rng);
        long t = Math.max(now, s.sliceClock);
        int start = 0;
        for (int end : ends) {
            Segment seg = new Segment(this, s, Segment.Kind.DATA, java.util.Arrays.copyOfRange(data, start, end), s.nextSeq++);
            start = end;
            if (t <= now) {
                send(seg, now);
            } else {
                net.sim.at(t, x -> {
                    if (!seg.stream.src.dead && seg.stream.src.current() && !seg.stream.resetArmed) {
                        send(seg, x);
                    }
                });
            }
            t += slicing.delay();
        }
        s.sliceClock = t;
    }

    /**
     * A reset (Toxiproxy's reset_peer) armed by this stream's data or FIN: that and everything the
     * stream sends later is lost, and after the link's reset timeout both ends are reset, as a
     * proxy closing both sockets with SO_LINGER 0 does.
     */
    private void armReset(Stream s, long now) {
        s.resetArmed = true;
        Link l = s.link;
        String detail = "connection reset by peer (reset on the link " + net.hosts[l.src].name + " -> " + net.hosts[l.dst].name + ")";
        net.sim.at(now + l.resetTimeout, t -> {
            for (End e : new End[] {s.src, s.dst}) {
                if (!e.dead && e.current()) {
                    e.dead = true;
                    net.stats.resets++;
                    closeApp(e, t, CloseCause.IO, detail);
                }
            }
        });
    }

    private void send(Segment seg, long now) {
        Stream s = seg.stream;
        Segment.Kind kind = seg.kind;
        byte[] data = seg.data;
        seg.firstAttempt = now;
        seg.rto = kind == Segment.Kind.SYN ? net.tcp.synRto() : net.tcp.rtoMin() + roundTrip(s);
        net.stats.segments++;
        if (kind == Segment.Kind.DATA) {
            net.stats.bytes += data.length;
        }
        if (s.link.held) {
            s.link.hold(seg);
            return;
        }
        attempt(seg, now);
    }

    private long roundTrip(Stream s) {
        LinkParams f = s.link.params;
        LinkParams r = s.reverse.params;
        return f.latency().mean() + f.jitter() / 2 + r.latency().mean() + r.jitter() / 2;
    }

    private void attempt(Segment seg, long now) {
        Stream s = seg.stream;
        Link l = s.link;
        seg.attempts++;
        Host dst = s.dst.host;
        boolean through = !l.blocked && dst.up && !net.rng.chance(l.params.loss());
        if (through && !seg.delivered) {
            seg.delivered = true;
            long at = arrivalTime(s, seg.wireSize(), now);
            net.sim.at(at, seg);
        }
        if (seg.delivered && !s.reverse.blocked && dst.up) {
            seg.acked = true;
            return;
        }
        long limit = seg.kind == Segment.Kind.SYN ? net.tcp.synTimeout() : net.tcp.resetAfter();
        long next = now + seg.rto;
        seg.rto = Math.min(seg.rto * 2, net.tcp.rtoMax());
        long giveUp = seg.firstAttempt + limit;
        if (next >= giveUp) {
            net.sim.at(Math.max(giveUp, now), t -> giveUp(seg, t));
        } else {
            net.sim.at(next, t -> retry(seg, t));
        }
    }

    private long arrivalTime(Stream s, int wireBytes, long now) {
        Link l = s.link;
        LinkParams p = l.params;
        long t = now;
        if (p.bitsPerSecond() > 0) {
            long serialise = (wireBytes * 8L * 1_000_000_000L + p.bitsPerSecond() - 1) / p.bitsPerSecond();
            t = Math.max(t, l.busyUntil) + serialise;
            l.busyUntil = t;
        }
        t += p.latency().sample(net.rng);
        if (p.jitter() > 0) {
            t += net.rng.between(0, p.jitter());
        }
        if (t < s.lastArrival) {
            t = s.lastArrival;
        }
        s.lastArrival = t;
        return t;
    }

    private void retry(Segment seg, long now) {
        End src = seg.stream.src;
        if (seg.acked || src.dead || !src.current()) {
            return;
        }
        if (seg.kind == Segment.Kind.SYN && src.appClosed) {
            return;
        }
        net.stats.retransmissions++;
        net.trace.record(now, TraceKind.RETRANSMIT, src.host.index, src.coreId, src.connection, seg.attempts,
                seg.kind.name());
        if (seg.stream.link.held) {
            seg.stream.link.hold(seg);
            return;
        }
        attempt(seg, now);
    }

    private void giveUp(Segment seg, long now) {
        End src = seg.stream.src;
        if (seg.acked || src.dead || !src.current()) {
            return;
        }
        src.dead = true;
        net.stats.aborts++;
        if (seg.kind == Segment.Kind.SYN) {
            closeApp(src, now, CloseCause.IO, "connect timed out: no SYN-ACK within "
                    + seconds(net.tcp.synTimeout()) + " (syn_timeout)");
            return;
        }
        String why = "TCP gave up: a segment went unacknowledged for " + seconds(net.tcp.resetAfter()) + " (reset_after)";
        sendRst(src.out, now, why);
        closeApp(src, now, CloseCause.IO, why);
    }

    private static String seconds(long nanos) {
        return (nanos / 1_000_000) / 1000.0 + " s";
    }

    /** Drains a released link in the order segments were held. */
    void release(Link l) {
        l.held = false;
        long now = net.sim.now();
        ArrayDeque<Segment> q = l.heldQueue;
        while (q != null && !q.isEmpty() && !l.held) {
            Segment seg = q.poll();
            if (seg.attempts == 0) {
                seg.firstAttempt = now;
            }
            attempt(seg, now);
        }
    }

    /** An RST from {@code s.src}; it is not retransmitted and may be lost. */
    void sendRst(Stream s, long now, String detail) {
        if (s == null || s.link.blocked || !s.dst.host.up || net.rng.chance(s.link.params.loss())) {
            return;
        }
        long at = arrivalTime(s, 40, now);
        End d = s.dst;
        net.sim.at(at, t -> {
            if (d.dead || !d.current()) {
                return;
            }
            d.dead = true;
            net.stats.resets++;
            closeApp(d, t, CloseCause.IO, detail);
        });
    }

    void arrive(Segment seg, long now) {
        Stream s = seg.stream;
        End d = s.dst;
        if (!d.host.up) {
            return;
        }
        if (seg.kind == Segment.Kind.SYN) {
            d.incarnation = d.host.incarnation;
        } else if (d.incarnation != d.host.incarnation) {
            sendRst(d.out, now, "connection reset by peer (the host restarted)");
            return;
        }
        if (seg.seq != s.nextDeliver) {
            if (seg.seq > s.nextDeliver) {
                if (s.early == null) {
                    s.early = new TreeMap<>();
                }
                s.early.put(seg.seq, seg);
            }
            return;
        }
        deliver(seg, now);
        s.nextDeliver++;
        while (s.early != null && !s.early.isEmpty()) {
            Segment next = s.early.remove(s.nextDeliver);
            if (next == null) {
                break;
            }
            deliver(next, now);
            s.nextDeliver++;
        }
    }

    private void deliver(Segment seg, long now) {
        End d = seg.stream.dst;
        if (d.dead) {
            sendRst(d.out, now, "connection reset by peer (its side of the connection was aborted)");
            return;
        }
        switch (seg.kind) {
            case SYN:
                onSyn(d, now);
                break;
            case SYN_ACK:
                if (d.appClosed) {
                    sendRst(d.out, now, "connection reset by peer (the dialler gave up)");
                } else {
                    d.established = true;
                    transmit(d.out, Segment.Kind.TLS_CLIENT_HELLO, null);
                }
                break;
            case TLS_CLIENT_HELLO:
                if (!d.appClosed) {
                    transmit(d.out, Segment.Kind.TLS_SERVER_FLIGHT, null);
                }
                break;
            case TLS_SERVER_FLIGHT:
                if (!d.appClosed) {
                    transmit(d.out, Segment.Kind.TLS_CLIENT_FINISHED, null);
                    ready(d, now);
                }
                break;
            case TLS_CLIENT_FINISHED:
                ready(d, now);
                break;
            case DATA:
                if (d.appClosed) {
                    sendRst(d.out, now, "connection reset by peer (data after close)");
                    return;
                }
                d.lastHeard = now;
                net.trace.record(now, TraceKind.DELIVER, d.host.index, d.coreId, d.connection, seg.data.length, seg.data);
                d.handler.bytes(d, seg.data);
                break;
            case FIN:
                if (!d.appClosed) {
                    net.trace.record(now, TraceKind.EOF, d.host.index, d.coreId, d.connection, 0, null);
                    d.appClosed = true;
                    d.handler.closed(d, CloseCause.EOF, "peer closed the connection (FIN)");
                }
                break;
            default:
                throw new IllegalStateException("unknown segment kind " + seg.kind);
        }
    }

    private void onSyn(End d, long now) {
        Host h = d.host;
        if (h.handler == null) {
            net.trace.record(now, TraceKind.REFUSED, h.index, -1, d.connection, 0, "no listener");
            d.dead = true;
            sendRst(d.out, now, "connection refused (no node listening on " + h.name + ")");
            return;
        }
        d.handler = h.handler;
        d.lastHeard = now;
        long id = d.handler.accept(d);
        if (id < 0) {
            net.trace.record(now, TraceKind.REFUSED, h.index, -1, d.connection, 0, "node refused");
            d.dead = true;
            sendRst(d.out, now, "connection refused by " + h.name);
            return;
        }
        d.coreId = id;
        d.established = true;
        net.stats.connections++;
        net.trace.record(now, TraceKind.ACCEPT, h.index, id, d.connection, 0, d.peer.host.name);
        transmit(d.out, Segment.Kind.SYN_ACK, null);
    }

    private void ready(End d, long now) {
        if (d.appClosed || d.tlsReady) {
            return;
        }
        d.tlsReady = true;
        d.lastHeard = now;
        net.trace.record(now, TraceKind.READY, d.host.index, d.coreId, d.connection, 0, null);
        d.handler.ready(d);
    }

    /** Tells the application its connection is gone, once, if it is still listening. */
    void closeApp(End e, long now, CloseCause cause, String detail) {
        if (e.appClosed || !e.current() || e.handler == null) {
            e.appClosed = true;
            return;
        }
        e.appClosed = true;
        net.trace.record(now, cause == CloseCause.EOF ? TraceKind.EOF : TraceKind.RESET, e.host.index, e.coreId,
                e.connection, 0, detail);
        e.handler.closed(e, cause, detail);
    }
}
