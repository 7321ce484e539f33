package dev.snow.sim.runner;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.handshake.InvalidNameException;
import dev.snow.ref.node.NodeConfig;
import dev.snow.ref.node.NodeCore;
import dev.snow.ref.node.NodeEvent;
import dev.snow.sim.check.Observation;
import dev.snow.sim.engine.NodeClock;
import dev.snow.sim.engine.Rng;
import dev.snow.sim.engine.TraceKind;
import dev.snow.sim.network.End;
import dev.snow.sim.scenario.NodeSettings;
import dev.snow.sim.scenario.NodeSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * One node of the scenario across its boots: its clock (which keeps running through crashes),
 * the peers its application keeps connected ({@code connect ... retry}), and the current
 * {@link Boot}, or none while it is down.
 */
final class SimNode {
    final World world;
    final int index;
    final NodeSpec spec;
    final String name;
    final NodeClock clock;
    private final Rng app;
    /** Peers to keep connected and their retry delay, ordered by name. */
    private final TreeMap<String, Long> keep = new TreeMap<>();
    /** Creation of each host incarnation this node booted (index = incarnation). */
    private final List<Integer> creations = new ArrayList<>();
    private int boots;
    private int lastCreation;
    Boot boot;

    SimNode(World world, NodeSpec spec, long clockOffset, long driftPpm) {
        this.world = world;
        this.index = spec.index();
        this.spec = spec;
        this.name = spec.name();
        this.clock = new NodeClock(clockOffset, driftPpm);
        this.app = world.streams.stream("app/" + name);
    }

    NodeSettings settings() {
        return spec.settings();
    }

    int creationOf(int incarnation) {
        return incarnation < creations.size() && creations.get(incarnation) != null ? creations.get(incarnation) : -1;
    }

    // ---------------------------------------------------------------- lifecycle

    void start(Integer creationOverride) {
        if (boot != null) {
            return;
        }
        long now = world.sim.now();
        int creation = creationOverride != null ? creationOverride : nextCreation();
        lastCreation = creation;
        boots++;
        NodeSettings s = settings();
        NodeConfig config;
        try {
            config = NodeConfig.builder(name, s.cookie()).creation(creation)
                    .heartbeatInterval(Duration.ofNanos(s.heartbeatInterval()))
                    .heartbeatTimeout(Duration.ofNanos(s.heartbeatTimeout()))
                    .handshakeTimeout(Duration.ofNanos(s.handshakeTimeout()))
                    .maxNodeId(s.maxNodeId())
                    .maxPendingHandshakes(s.maxPendingHandshakes())
                    .build();
        } catch (InvalidNameException e) {
            throw new IllegalStateException("node name " + name + " passed the loader but not the core: " + e.getMessage(), e);
        }
        NodeCore core = world.cores.create(config, new SeededChallenges(world.streams.stream("node/" + name + "/boot/" + boots)));
        int incarnation = world.net.boot(index);
        while (creations.size() <= incarnation) {
            creations.add(null);
        }
        creations.set(incarnation, creation);
        boot = new Boot(this, core, creation, incarnation);
        world.net.listen(index, boot);
        world.invariants.nodeGone(index);
        world.trace.record(now, TraceKind.START, index, -1, -1, creation, null);
        world.verifier.observe(new Observation.Started(now, name, creation));
        for (String peer : keep.keySet()) {
            boot.connect(peer);
        }
    }

    /** First boot: the configured creation or a random one; later boots: previous + 1, 255 wraps to 1. */
    private int nextCreation() {
        if (lastCreation == 0) {
            Integer configured = settings().creation();
            return configured != null ? configured : 1 + world.streams.stream("node/" + name).nextInt(255);
        }
        return lastCreation % 255 + 1;
    }

    /** Orderly stop: node_down disconnect for every session, FINs, the listener closes. */
    void stop() {
        Boot b = boot;
        if (b == null) {
            return;
        }
        b.stopping = true;
        b.core.shutdown(clock.local(world.sim.now()));
        b.drain();
        down(b, TraceKind.STOP, "stop");
        world.net.stopListening(index);
    }

    /** {@code wholeHost}: the machine dies silently; else the process dies and the kernel closes its sockets. */
    void crash(boolean wholeHost) {
        Boot b = boot;
        if (b == null) {
            return;
        }
        if (wholeHost) {
            world.net.crash(index);
        } else {
            for (End e : b.openEnds()) {
                world.net.close(e);
            }
            world.net.stopListening(index);
        }
        down(b, TraceKind.CRASH, wholeHost ? "host crash" : "process crash");
    }

    private void down(Boot b, TraceKind kind, String how) {
        long now = world.sim.now();
        b.alive = false;
        boot = null;
        world.invariants.nodeGone(index);
        world.trace.record(now, kind, index, -1, -1, 0, how);
        world.verifier.observe(new Observation.Stopped(now, name, how));
    }

    // ---------------------------------------------------------------- application

    /** Dials {@code peer}; with {@code retry} > 0 keeps redialling it after failures and node_down. */
    void connect(String peer, long retry) {
        if (retry > 0) {
            keep.put(peer, retry);
        }
        if (boot != null) {
            boot.connect(peer);
        }
    }

    void disconnect(String peer) {
        keep.remove(peer);
        if (boot != null) {
            boot.disconnect(peer);
        }
    }

    void skew(long jump, Long driftPpm) {
        clock.adjust(world.sim.now(), jump, driftPpm != null ? driftPpm : clock.driftPpm());
        if (boot != null) {
            boot.clockChanged();
        }
    }

    private void redialLater(Boot b, String peer) {
        Long retry = keep.get(peer);
        if (retry == null || b.stopping) {
            return;
        }
        long delay = retry + app.between(0, retry / 2);
        world.sim.after(delay, t -> {
            if (keep.containsKey(peer) && boot != null) {
                boot.connect(peer);
            }
        });
    }

    // ---------------------------------------------------------------- events

    void onEvent(Boot b, NodeEvent ev) {
        World w = world;
        long now = w.sim.now();
        if (ev instanceof NodeEvent.NodeUp up) {
            End e = b.ends.get(up.connection());
            if (e == null) {
                throw new IllegalStateException(name + ": node_up on connection " + up.connection() + " the simulator has no end for");
            }
            w.trace.record(now, TraceKind.NODE_UP, index, up.connection(), e.connection(), up.nodeId(), up);
            End other = e.peer();
            SimNode peer = w.nodes[other.host()];
            boolean sameCookie = peer.settings().cookie().equals(settings().cookie());
            w.invariants.nodeUp(now, index, up.node(), up.nodeId(), up.creation(), settings().maxNodeId(), e.connection(),
                    up.connection(), other.host(), sameCookie, peer.creationOf(other.incarnation()), e, clock,
                    settings().heartbeatInterval() + settings().heartbeatTimeout());
            w.verifier.observe(new Observation.Up(now, name, up.node(), up.nodeId(), up.creation(), up.direction().wireName()));
        } else if (ev instanceof NodeEvent.NodeDown down) {
            w.trace.record(now, TraceKind.NODE_DOWN, index, down.connection(), -1, down.nodeId(), down);
            w.invariants.nodeDown(now, index, down.node(), down.nodeId(), down.connection());
            w.verifier.observe(new Observation.Down(now, name, down.node(), down.nodeId(), down.reason().wireName()));
            redialLater(b, down.node());
        } else if (ev instanceof NodeEvent.HandshakeFailed f) {
            w.trace.record(now, TraceKind.HANDSHAKE_FAILED, index, f.connection(), -1, 0, f);
            w.verifier.observe(new Observation.Failed(now, name, f.peer(), f.direction().wireName(), f.reason().wireName()));
            if (f.peer() != null && f.direction() == Direction.OUTGOING) {
                redialLater(b, f.peer());
            }
        }
    }
}
