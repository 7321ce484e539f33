package dev.snow.sim.check;

import dev.snow.sim.engine.EventQueue;
import dev.snow.sim.engine.NodeClock;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Invariants checked after every event, incrementally (each event touches one node, so each
 * check costs O(log n) and a run of millions of events stays fast):
 * <ul>
 *   <li><b>one session per pair on each side</b>: no node_up for a peer the node already holds;</li>
 *   <li><b>pair agreement</b>: when both sides hold a session, it is the same TCP connection
 *       (never two sessions for one pair);</li>
 *   <li><b>node_id unique</b> per node, within 1..max_node_id;</li>
 *   <li><b>cookie</b>: no established session unless both ends have the same cookie, and the
 *       session names the node at the other end with its real creation;</li>
 *   <li><b>heartbeat deadline</b>: no session stays up on a node whose peer has been silent
 *       longer than interval + timeout (converted through the node's slowest clock rate);</li>
 *   <li><b>events match the table</b>: node_down only for a live session; after every call the
 *       core's session count equals what its events said, and at the end the full list does.</li>
 * </ul>
 * A broken invariant throws {@link InvariantViolation}.
 */
public final class Invariants {
    private final String[] names;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Held>[] held;
    private final BitSet[] ids;
    /** Live sessions by the instant they must be down by, unless their peer is heard from again. */
    private final EventQueue<Held> watchdog = new EventQueue<>();
    private long watchSequence;

    /** A session as its node's events told it. */
    public static final class Held {
        final int node;
        final String peer;
        final int nodeId;
        final int creation;
        final long tcp;
        final long connection;
        final LongSupplier lastHeard;
        final NodeClock clock;
        final long localBudget;
        boolean down;

        Held(int node, String peer, int nodeId, int creation, long tcp, long connection, LongSupplier lastHeard,
             NodeClock clock, long localBudget) {
            this.node = node;
            this.peer = peer;
            this.nodeId = nodeId;
            this.creation = creation;
            this.tcp = tcp;
            this.connection = connection;
            this.lastHeard = lastHeard;
            this.clock = clock;
            this.localBudget = localBudget;
        }

        /** Virtual nanoseconds the session may stay up with its peer silent (+1 us for rounding). */
        long budget() {
            return clock.worstVirtualSpan(localBudget) + SLACK;
        }
    }

    /** Rounding slack of the heartbeat-deadline invariant. */
    static final long SLACK = 1_000;

    @SuppressWarnings("unchecked")
    public Invariants(List<String> nodeNames) {
        this.names = nodeNames.toArray(new String[0]);
        this.held = new Map[names.length];
        this.ids = new BitSet[names.length];
        for (int i = 0; i < names.length; i++) {
            index.put(names[i], i);
            held[i] = new HashMap<>(4);
            ids[i] = new BitSet();
        }
    }

    /**
     * node_up at {@code node} for {@code peer} over TCP connection {@code tcp}.
     *
     * @param peerNode       host index at the other end of the connection
     * @param peerCookieSame whether the other end's node has the same cookie
     * @param peerCreation   the creation the other end's node really has
     * @param clock          the node's clock
     * @param localBudget    heartbeat interval + timeout, on the node's clock
     */
    public void nodeUp(long now, int node, String peer, int nodeId, int creation, int maxNodeId, long tcp, long connection,
                       int peerNode, boolean peerCookieSame, int peerCreation, LongSupplier lastHeard, NodeClock clock,
                       long localBudget) {
        String at = names[node];
        Held existing = held[node].get(peer);
        if (existing != null) {
            throw new InvariantViolation("one-session-per-pair", at + " reported node_up of " + peer + " (connection "
                    + connection + ") while it already holds a session with it (connection " + existing.connection + ")");
        }
        if (nodeId < 1 || nodeId > maxNodeId) {
            throw new InvariantViolation("node-id-range", at + " gave " + peer + " node_id " + nodeId + ", outside 1.." + maxNodeId);
        }
        if (ids[node].get(nodeId)) {
            throw new InvariantViolation("node-id-unique", at + " gave node_id " + nodeId + " to " + peer
                    + " while another live session holds it");
        }
        if (!names[peerNode].equals(peer)) {
            throw new InvariantViolation("session-names-peer", at + " reported node_up of " + peer + " but the connection's other end is "
                    + names[peerNode]);
        }
        if (!peerCookieSame) {
            throw new InvariantViolation("cookie", at + " established a session with " + peer + " whose cookie differs");
        }
        if (creation != peerCreation) {
            throw new InvariantViolation("creation", at + " reported " + peer + " with creation " + creation
                    + " but that node runs creation " + peerCreation);
        }
        Held other = held[peerNode].get(at);
        if (other != null && other.tcp != tcp && !other.down) {
            throw new InvariantViolation("pair-agreement", "two sessions for the pair " + at + " / " + peer + ": " + at
                    + " is up on TCP connection " + tcp + ", " + peer + " on TCP connection " + other.tcp);
        }
        Held h = new Held(node, peer, nodeId, creation, tcp, connection, lastHeard, clock, localBudget);
        held[node].put(peer, h);
        ids[node].set(nodeId);
        watchdog.push(lastHeard.getAsLong() + h.budget(), watchSequence++, h);
    }

    /** node_down at {@code node} for {@code peer}. */
    public void nodeDown(long now, int node, String peer, int nodeId, long connection) {
        Held h = held[node].get(peer);
        if (h == null || h.connection != connection) {
            throw new InvariantViolation("down-matches-up", names[node] + " reported node_down of " + peer + " (connection "
                    + connection + ") but holds " + (h == null ? "no session with it" : "it on connection " + h.connection));
        }
        if (h.nodeId != nodeId) {
            throw new InvariantViolation("node-id-stable", names[node] + " reported node_down of " + peer + " with node_id "
                    + nodeId + " but it came up with node_id " + h.nodeId);
        }
        remove(node, h);
    }

    /** The node stopped or crashed: its sessions are gone without events. */
    public void nodeGone(int node) {
        for (Held h : held[node].values()) {
            h.down = true;
        }
        held[node].clear();
        ids[node].clear();
    }

    private void remove(int node, Held h) {
        h.down = true;
        held[node].remove(h.peer);
        ids[node].clear(h.nodeId);
    }

    /** The heartbeat-deadline invariant at virtual time {@code now}; call after every event. */
    public void afterEvent(long now) {
        while (watchdog.peekTime() < now) {
            Held h = watchdog.pop();
            if (h.down) {
                continue;
            }
            long heard = h.lastHeard.getAsLong();
            long budget = h.budget();
            long bound = heard + budget;
            if (bound < now) {
                throw new InvariantViolation("heartbeat-deadline", names[h.node] + " still holds a session with "
                        + h.peer + " at " + fmt(now) + " although nothing arrived from it since " + fmt(heard)
                        + " (allowed: " + fmt(budget) + ", heartbeat interval + timeout on its clock)");
            }
            watchdog.push(bound, watchSequence++, h);
        }
    }

    /** The core's session list must equal what its events said. */
    public void compareTable(int node, List<String> corePeers, List<Integer> coreIds) {
        Map<String, Held> mine = held[node];
        boolean same = corePeers.size() == mine.size();
        for (int i = 0; same && i < corePeers.size(); i++) {
            Held h = mine.get(corePeers.get(i));
            same = h != null && h.nodeId == coreIds.get(i);
        }
        if (!same) {
            throw new InvariantViolation("events-match-table", names[node] + " lists sessions " + corePeers + " (node_ids "
                    + coreIds + ") but its node_up/node_down events leave " + mine.size() + " session(s)");
        }
    }

    public int sessionCount(int node) {
        return held[node].size();
    }

    /** Whether a problem is already known at {@code node}: a pending incoming count above its limit. */
    public void pendingIncoming(int node, int count, int max) {
        if (count > max) {
            throw new InvariantViolation("pending-handshakes-bounded", names[node] + " has " + count
                    + " unauthenticated incoming connections, above max_pending_handshakes " + max);
        }
    }

    static String fmt(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.9fs", nanos / 1e9);
    }

    public int indexOf(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }
}
