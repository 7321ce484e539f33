package dev.snow.ref.node;

import dev.snow.ref.handshake.InvalidNameException;
import dev.snow.ref.session.CloseCause;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.Predicate;

/**
 * An in-memory network of {@link NodeCore}s with one virtual clock: the two-node (or more)
 * pair driver of the core tests. Connections are pipes; TLS is assumed (transport ready at once
 * unless a test says otherwise). Delivery keeps per-direction order; an optional seeded jitter
 * interleaves directions differently per seed. Nothing here reads a clock or starts a thread.
 */
public final class CoreNetwork {
    /** One end of a pipe: a node and its connection id. */
    public record End(String node, long connection) {
    }

    private record Delivery(long at, long seq, End to, byte[] bytes) {
        boolean isClose() {
            return bytes == null;
        }
    }

    private final Map<String, NodeCore> nodes = new LinkedHashMap<>();
    private final Map<String, List<NodeEvent>> events = new LinkedHashMap<>();
    private final Map<NodeEvent, Long> eventTimes = new java.util.IdentityHashMap<>();
    private final Map<End, End> peerOf = new LinkedHashMap<>();
    private final Map<End, Long> lastDeliveryAt = new LinkedHashMap<>();
    private final PriorityQueue<Delivery> inFlight = new PriorityQueue<>((a, b) ->
            a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private final List<Predicate<End>> drops = new ArrayList<>();
    /** The source address a node's dials arrive from (LIM-5, LIM-6); none by default. */
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Random jitterRandom;
    private final long maxJitterNanos;
    private long latencyNanos;
    private long seq;
    private long now;

    public CoreNetwork() {
        this(0, Duration.ZERO);
    }

    /** With per-message jitter in [0, maxJitter] drawn from {@code seed}. */
    public CoreNetwork(long seed, Duration maxJitter) {
        this.jitterRandom = new Random(seed);
        this.maxJitterNanos = maxJitter.toNanos();
    }

    public static NodeConfig.Builder config(String name, String cookie, int creation) {
        return NodeConfig.builder(name, cookie).creation(creation);
    }

    public NodeCore add(NodeConfig.Builder config, long seed) {
        try {
            return add(new NodeCore(config.build(), new SeededChallenges(seed)));
        } catch (InvalidNameException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public NodeCore add(NodeCore core) {
        nodes.put(core.name().full(), core);
        events.put(core.name().full(), new ArrayList<>());
        return core;
    }

    public NodeCore node(String name) {
        return nodes.get(name);
    }

    public long now() {
        return now;
    }

    /** Connections {@code node} dials arrive from {@code address} at their acceptor. */
    public void source(String node, String address) {
        sources.put(node, address);
    }

    /** One-way latency for every message from now on. */
    public void latency(Duration d) {
        latencyNanos = d.toNanos();
    }

    /** Drops every message from {@code node} (a silent peer). */
    public void mute(String node) {
        drops.add(end -> end.node().equals(node));
    }

    public void unmuteAll() {
        drops.clear();
    }

    /** {@code from} connects to {@code to}; TCP and TLS come up at once. Returns the initiator's end. */
    public End connect(String from, String to) {
        End a = dial(from, to);
        if (a != null) {
            transportReady(a);
        }
        return a;
    }

    /** Opens the pipe (accepted at the other side) without TLS completing; null if refused locally. */
    public End dial(String from, String to) {
        ConnectResult r = nodes.get(from).connect(to, now);
        if (!r.started()) {
            return null;
        }
        End a = new End(from, r.connection());
        NodeCore acceptor = nodes.get(to);
        if (acceptor == null) {
            return a;
        }
        long id = acceptor.handleAccepted(sources.get(from), now);
        pump();
        End b = new End(to, id);
        peerOf.put(a, b);
        peerOf.put(b, a);
        return a;
    }

    /** TLS completes on both ends of the pipe whose one end is {@code end}. */
    public void transportReady(End end) {
        End other = peerOf.get(end);
        if (other != null) {
            nodes.get(other.node()).handleTransportReady(other.connection(), now);
        }
        nodes.get(end.node()).handleTransportReady(end.connection(), now);
        pump();
    }

    /** Accepts a connection at {@code node} that nobody else drives; the test plays the peer. */
    public long acceptRaw(String node) {
        return acceptRaw(node, null);
    }

    /** As {@link #acceptRaw(String)}, from {@code source}. */
    public long acceptRaw(String node, String source) {
        long id = nodes.get(node).handleAccepted(source, now);
        pump();
        return id;
    }

    /** Bytes arriving at {@code node} on {@code connection} from a test-played peer. */
    public void inject(String node, long connection, byte[] bytes) {
        nodes.get(node).handleBytes(connection, bytes, now);
        pump();
    }

    /** Delivers everything in flight and due now, repeatedly, until nothing moves. */
    public void settle() {
        pump();
        while (!inFlight.isEmpty() && inFlight.peek().at <= now) {
            deliver(inFlight.poll());
            pump();
        }
    }

    /** Runs the network for {@code d} of virtual time: deliveries and timers in time order. */
    public void runFor(Duration d) {
        long until = now + d.toNanos();
        runUntil(net -> false, d);
        now = until;
        settle();
    }

    /** Runs until {@code condition} holds, at most {@code limit} of virtual time; true if it held. */
    public boolean runUntil(Predicate<CoreNetwork> condition, Duration limit) {
        long until = now + limit.toNanos();
        settle();
        while (!condition.test(this)) {
            long next = Long.MAX_VALUE;
            if (!inFlight.isEmpty()) {
                next = inFlight.peek().at;
            }
            for (NodeCore n : nodes.values()) {
                next = Math.min(next, n.pollTimeout());
            }
            if (next > until) {
                now = until;
                return condition.test(this);
            }
            now = Math.max(now, next);
            for (NodeCore n : nodes.values()) {
                if (n.pollTimeout() <= now) {
                    n.handleTimeout(now);
                }
            }
            settle();
        }
        return true;
    }

    /** The virtual time at which {@code event} was reported. */
    public long timeOf(NodeEvent event) {
        return eventTimes.get(event);
    }

    /** Everything {@code node} reported so far. */
    public List<NodeEvent> events(String node) {
        return events.get(node);
    }

    public <T extends NodeEvent> List<T> events(String node, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (NodeEvent e : events.get(node)) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    /** Bytes {@code node} sent on {@code connection} that no pipe carried (a test-played peer's inbox). */
    public List<byte[]> sentTo(End end) {
        return rawOutbox.getOrDefault(end, List.of());
    }

    /** True once {@code node} closed {@code connection}. */
    public boolean closed(End end) {
        return closedEnds.contains(end);
    }

    private final java.util.Set<Integer> statusesSent = new java.util.TreeSet<>();

    /** Status codes of every STATUS_CHALLENGE any node sent (coverage checks of sweeps). */
    public java.util.Set<Integer> statusesSent() {
        return statusesSent;
    }

    private final Map<End, List<byte[]>> rawOutbox = new LinkedHashMap<>();
    private final java.util.Set<End> closedEnds = new java.util.LinkedHashSet<>();

    /** Drains every node's outputs into the network. */
    private void pump() {
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Map.Entry<String, NodeCore> e : nodes.entrySet()) {
                String name = e.getKey();
                NodeCore core = e.getValue();
                NodeEvent ev;
                while ((ev = core.pollEvent()) != null) {
                    events.get(name).add(ev);
                    eventTimes.put(ev, now);
                    moved = true;
                }
                Transmit t;
                while ((t = core.pollTransmit()) != null) {
                    moved = true;
                    End from = new End(name, t.connection());
                    if (t instanceof Transmit.Send s) {
                        send(from, s.bytes());
                    } else {
                        closedEnds.add(from);
                        send(from, null);
                        peerOf.remove(from);
                    }
                }
            }
        }
    }

    private void send(End from, byte[] bytes) {
        if (bytes != null && bytes.length > 5 && bytes[4] == 2) {
            statusesSent.add(bytes[5] & 0xff);
        }
        End to = peerOf.get(from);
        if (to == null) {
            if (bytes != null) {
                rawOutbox.computeIfAbsent(from, k -> new ArrayList<>()).add(bytes);
            }
            return;
        }
        for (Predicate<End> drop : drops) {
            if (drop.test(from) && bytes != null) {
                return;
            }
        }
        long jitter = maxJitterNanos == 0 ? 0 : (long) (jitterRandom.nextDouble() * maxJitterNanos);
        long at = Math.max(now + latencyNanos + jitter, lastDeliveryAt.getOrDefault(to, Long.MIN_VALUE));
        lastDeliveryAt.put(to, at);
        inFlight.add(new Delivery(at, seq++, to, bytes));
    }

    private void deliver(Delivery d) {
        NodeCore core = nodes.get(d.to().node());
        if (d.isClose()) {
            peerOf.remove(d.to());
            core.handleTransportClosed(d.to().connection(), CloseCause.EOF, "peer closed", now);
        } else {
            core.handleBytes(d.to().connection(), d.bytes(), now);
        }
    }
}
