package dev.snow.sim.runner;

import dev.snow.ref.collect.LongMap;
import dev.snow.ref.node.ConnectResult;
import dev.snow.ref.node.NodeCore;
import dev.snow.ref.node.NodeEvent;
import dev.snow.ref.node.SessionInfo;
import dev.snow.ref.node.Transmit;
import dev.snow.ref.session.CloseCause;
import dev.snow.sim.engine.Event;
import dev.snow.sim.engine.TraceKind;
import dev.snow.sim.network.End;
import dev.snow.sim.network.HostHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * One boot of a node: a fresh {@link NodeCore} with its creation, the connections it has open
 * and its timer. Turns network inputs into {@code handle…} calls at the node's local time and,
 * after every call, drains the core: transmits to the network, events to the checks, the next
 * deadline to one wake event.
 */
final class Boot implements HostHandler {
    final SimNode node;
    final NodeCore core;
    final int creation;
    final int incarnation;
    /** Core connection id to its network end; looked up, iterated only sorted. */
    final LongMap<End> ends = new LongMap<>();
    boolean alive = true;
    boolean stopping;
    private long wakeAt = Long.MAX_VALUE;
    private final Event wake = this::onWake;

    Boot(SimNode node, NodeCore core, int creation, int incarnation) {
        this.node = node;
        this.core = core;
        this.creation = creation;
        this.incarnation = incarnation;
    }

    private long local() {
        return node.clock.local(node.world.sim.now());
    }

    // ---------------------------------------------------------------- commands

    void connect(String peer) {
        if (!alive) {
            return;
        }
        World w = node.world;
        ConnectResult r = core.connect(peer, local());
        if (r.started()) {
            End e = w.net.dial(node.index, r.target().full(), r.connection(), this);
            ends.put(r.connection(), e);
            w.trace.record(w.sim.now(), TraceKind.DIAL, node.index, r.connection(), e.connection(), 0, peer);
        } else {
            w.trace.record(w.sim.now(), TraceKind.DIAL, node.index, -1, -1, 0, peer + ": " + r.outcome());
        }
        drain();
    }

    void disconnect(String peer) {
        if (alive) {
            core.disconnect(peer, local());
            drain();
        }
    }

    /** The clock changed under the core: recompute when its next deadline falls. */
    void clockChanged() {
        wakeAt = Long.MAX_VALUE;
        scheduleWake();
    }

    /** Open ends in connection-id order (for a process exit, which closes them all). */
    List<End> openEnds() {
        long[] ids = ends.sortedKeys();
        List<End> out = new ArrayList<>();
        for (long id : ids) {
            out.add(ends.get(id));
        }
        return out;
    }

    // ---------------------------------------------------------------- network inputs

    @Override
    public long accept(End end) {
        if (!alive) {
            return -1;
        }
        long id = core.handleAccepted(local());
        if (id < 0) {
            return -1;
        }
        ends.put(id, end);
        drain();
        node.world.invariants.pendingIncoming(node.index, core.pendingIncomingCount(), core.config().maxPendingHandshakes());
        return id;
    }

    @Override
    public void ready(End end) {
        if (alive) {
            core.handleTransportReady(end.coreId(), local());
            drain();
        }
    }

    @Override
    public void bytes(End end, byte[] data) {
        if (alive) {
            core.handleBytes(end.coreId(), data, 0, data.length, local());
            drain();
        }
    }

    @Override
    public void closed(End end, CloseCause cause, String detail) {
        if (alive) {
            ends.remove(end.coreId());
            core.handleTransportClosed(end.coreId(), cause, detail, local());
            drain();
        }
    }

    private void onWake(long now) {
        if (!alive || now != wakeAt) {
            return;
        }
        wakeAt = Long.MAX_VALUE;
        node.world.trace.record(now, TraceKind.WAKE, node.index, -1, -1, 0, null);
        core.handleTimeout(node.clock.local(now));
        drain();
    }

    // ---------------------------------------------------------------- outputs

    void drain() {
        World w = node.world;
        Transmit t;
        while ((t = core.pollTransmit()) != null) {
            End e = ends.get(t.connection());
            if (e == null) {
                continue;
            }
            if (t instanceof Transmit.Send s) {
                w.net.send(e, s.bytes());
            } else {
                ends.remove(t.connection());
                w.net.close(e);
            }
        }
        NodeEvent ev;
        while ((ev = core.pollEvent()) != null) {
            node.onEvent(this, ev);
        }
        if (core.sessionCount() != w.invariants.sessionCount(node.index)) {
            compareTable();
        }
        scheduleWake();
    }

    void compareTable() {
        List<SessionInfo> sessions = core.sessions();
        List<String> peers = new ArrayList<>(sessions.size());
        List<Integer> ids = new ArrayList<>(sessions.size());
        for (SessionInfo s : sessions) {
            peers.add(s.node());
            ids.add(s.nodeId());
        }
        node.world.invariants.compareTable(node.index, peers, ids);
    }

    private void scheduleWake() {
        if (!alive) {
            return;
        }
        long deadline = core.pollTimeout();
        if (deadline == Long.MAX_VALUE) {
            return;
        }
        long now = node.world.sim.now();
        long at = Math.max(now, node.clock.virtualAt(deadline));
        if (at < wakeAt) {
            wakeAt = at;
            node.world.sim.at(at, wake);
        }
    }
}
