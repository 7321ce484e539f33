package dev.snow.ref.node;

import dev.snow.ref.handshake.ChallengeSource;
import dev.snow.ref.handshake.ChannelBinding;
import dev.snow.ref.handshake.CookieMac;
import dev.snow.ref.handshake.DigestComparator;
import dev.snow.ref.handshake.DigestScheme;
import dev.snow.ref.handshake.Direction;
import dev.snow.ref.handshake.FailReason;
import dev.snow.ref.handshake.Handshake;
import dev.snow.ref.handshake.HandshakePolicy;
import dev.snow.ref.handshake.InvalidNameException;
import dev.snow.ref.handshake.NodeName;
import dev.snow.ref.handshake.Profile;
import dev.snow.ref.session.CloseCause;
import dev.snow.ref.session.Connection;
import dev.snow.ref.session.ConnectionSink;
import dev.snow.ref.session.DownReason;
import dev.snow.ref.text.Printable;
import dev.snow.ref.wire.Bytes32;
import dev.snow.ref.wire.Status;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A whole node as one sans-IO state machine (quinn-proto style). The transport (or the
 * simulator) feeds it:
 * <ul>
 *   <li>commands: {@link #connect}, {@link #disconnect}, {@link #shutdown};</li>
 *   <li>transport inputs: {@link #handleAccepted}, {@link #handleTransportReady},
 *       {@link #handleBytes}, {@link #handleTransportClosed}, {@link #handleTimeout};</li>
 * </ul>
 * and drains {@link #pollTransmit()}, {@link #pollEvent()} and {@link #pollTimeout()} after
 * every call. {@code now} is a monotonic nanosecond count from the caller's clock; the core
 * never reads one. Not thread-safe: one caller at a time.
 */
public final class NodeCore {
    private final NodeConfig config;
    private final ChallengeSource entropy;
    /** {@code entropy} remembering what our handshakes issued (AUTH-8); handshakes draw from it. */
    private final IssuedChallenges issued;
    private final DigestComparator comparator;
    /** The digest scheme of each role's handshakes: the node's one, unless a mutant's seam swaps one (AUTH-1). */
    private final DigestScheme outgoingDigests;
    private final DigestScheme incomingDigests;
    private final NodeTable table;
    private final CoreSeams seams;
    private final Sink sink = new Sink();

    private final Slots slots = new Slots();
    private final AuthFailureThrottle throttle;
    private final ArrayDeque<Transmit> transmits = new ArrayDeque<>();
    private final ArrayDeque<NodeEvent> events = new ArrayDeque<>();
    private long nextConnectionId = 1;
    /** The {@code now} of the input being handled, for callbacks that carry none (LIM-6 accounting). */
    private long inputNow;
    private boolean stopped;
    /** A mutant's defect only ({@link CoreDefect#WEDGED_BY_PROTOCOL_ERROR}): refusing every incoming connection. */
    private boolean wedged;

    public NodeCore(NodeConfig config, ChallengeSource entropy) {
        this(config, entropy, DigestComparator.CONSTANT_TIME, new FifoNodeIdAllocator(config.maxNodeId()));
    }

    /** With swapped strategies, for tests. */
    public NodeCore(NodeConfig config, ChallengeSource entropy, DigestComparator comparator, NodeIdAllocator ids) {
        this(config, entropy, comparator, CoreSeams.REAL.withIds(max -> ids));
    }

    /** With swapped strategies and seams ({@link CoreSeams#REAL} in production; the conformance mutants plant defects). */
    public NodeCore(NodeConfig config, ChallengeSource entropy, DigestComparator comparator, CoreSeams seams) {
        this(config, entropy, comparator, seams, config.profile() == Profile.HARDENED && config.hardenedDigests() != null
                ? config.hardenedDigests().apply(new CookieMac(config.cookie()))
                : DigestScheme.of(config.profile(), new CookieMac(config.cookie())));
    }

    /** With a swapped digest scheme too (the hardened binding mutants in tests). */
    public NodeCore(NodeConfig config, ChallengeSource entropy, DigestComparator comparator, NodeIdAllocator ids,
                    DigestScheme digests) {
        this(config, entropy, comparator, CoreSeams.REAL.withIds(max -> ids), digests);
    }

    /** With swapped seams and digest scheme: the one constructor the others delegate to. */
    public NodeCore(NodeConfig config, ChallengeSource entropy, DigestComparator comparator, CoreSeams seams,
                    DigestScheme digests) {
        this.seams = seams;
        NodeIdAllocator ids = seams.ids().apply(config.maxNodeId());
        this.config = config;
        this.entropy = entropy;
        this.issued = new IssuedChallenges(entropy);
        this.comparator = comparator;
        this.outgoingDigests = seams.digests().of(Direction.OUTGOING, digests, config.cookie());
        this.incomingDigests = seams.digests().of(Direction.INCOMING, digests, config.cookie());
        this.table = new NodeTable(config.name(), ids, seams.tiebreak());
        this.throttle = new AuthFailureThrottle(config.authThrottle());
    }

    public NodeName name() {
        return config.name();
    }

    public int creation() {
        return config.creation();
    }

    public NodeConfig config() {
        return config;
    }

    // ---------------------------------------------------------------- commands

    /** Starts an outgoing attempt to {@code peer}; the transport dials the returned connection. */
    public ConnectResult connect(String peer, long now) {
        if (stopped) {
            return ConnectResult.refused(ConnectResult.Outcome.STOPPED, "node is stopped");
        }
        NodeName target;
        try {
            target = NodeName.parse(peer, seams.session().laxRules(Direction.OUTGOING));
        } catch (InvalidNameException e) {
            return ConnectResult.refused(ConnectResult.Outcome.INVALID_NAME, e.getMessage());
        }
        if (target.equals(config.name()) && !seams.connectToSelf()) {
            return ConnectResult.refused(ConnectResult.Outcome.SELF, "NAME-6: refusing to connect to our own name " + target);
        }
        if (table.session(target.full()) != null && !seams.has(CoreDefect.DIAL_CONNECTED_NAME)) {
            return ConnectResult.refused(ConnectResult.Outcome.ALREADY_CONNECTED, "CONN-3: already connected to " + target);
        }
        if (table.pendingOutgoing(target.full()) != null) {
            return ConnectResult.refused(ConnectResult.Outcome.ALREADY_CONNECTING, "already connecting to " + target);
        }
        if (!table.hasFreeNodeId()) {
            String detail = "ID-5: no node_id is free, not dialling " + target;
            events.add(new NodeEvent.HandshakeFailed(target.full(), Direction.OUTGOING, FailReason.NOT_ALLOWED, detail, -1));
            return ConnectResult.refused(ConnectResult.Outcome.NO_NODE_ID, detail);
        }
        long id = nextConnectionId++;
        Handshake hs = Handshake.initiator(config.name(), config.creation(), outgoingDigests, comparator, issued, new Policy(id), target, seams.checks());
        Slot slot = open(id, hs, now, null, null);
        slots.add(slot);
        table.startOutgoing(target, id);
        slots.reschedule(slot);
        return ConnectResult.started(id, target);
    }

    /** Closes the session with {@code peer} (node_down disconnect) and any attempt to it. True if anything closed. */
    public boolean disconnect(String peer, long now) {
        boolean closed = false;
        SessionInfo s = table.session(peer);
        if (s != null) {
            Slot slot = slots.get(s.connection());
            table.remove(peer, s.connection());
            abandon(slot);
            events.add(new NodeEvent.NodeDown(peer, s.nodeId(), DownReason.DISCONNECT, "CONN-1: disconnect requested", s.connection()));
            closed = true;
        }
        Long attempt = table.pendingOutgoing(peer);
        if (attempt != null) {
            table.clearOutgoing(peer, attempt);
            abandon(slots.get(attempt));
            events.add(new NodeEvent.HandshakeFailed(peer, Direction.OUTGOING, FailReason.IO,
                    "CONN-1: attempt cancelled by disconnect", attempt));
            closed = true;
        }
        return closed;
    }

    /** Orderly stop: every session ends with node_down disconnect, every handshake is dropped (CONN-1). */
    public void shutdown(long now) {
        if (stopped) {
            return;
        }
        stopped = true;
        for (SessionInfo s : table.sessions()) {
            disconnect(s.node(), now);
        }
        for (long id : slots.idsAscending()) {
            Slot slot = slots.get(id);
            if (slot == null) {
                continue;
            }
            NodeName peer = slot.connection.peer();
            if (slot.direction == Direction.OUTGOING) {
                table.clearOutgoing(peer.full(), id);
            }
            abandon(slot);
            events.add(new NodeEvent.HandshakeFailed(peer == null ? null : peer.full(), slot.direction, FailReason.IO,
                    "node stopping", id));
        }
    }

    public boolean isStopped() {
        return stopped;
    }

    // ---------------------------------------------------------------- transport inputs

    /** {@link #handleAccepted(String, long)} from a source the transport cannot name (one shared bucket). */
    public long handleAccepted(long now) {
        return handleAccepted(null, now);
    }

    /**
     * A connection from {@code source} (the peer's address without port; null if unknown) was
     * accepted, before TLS. Returns its id, or -1 when the node is stopped or the source is
     * refused by the auth-failure throttle (LIM-6; a handshake_failed not_allowed is reported and
     * the transport closes the connection).
     *
     * <p>Room is made first (LIM-2, LIM-5): a source at {@code max_pending_per_source} loses its
     * own oldest unauthenticated connection; at {@code max_pending_handshakes} the source with
     * the most pending loses its oldest. Stalled peers cannot lock a good one out (LIM-3), and one
     * source cannot evict another's handshakes while it holds more.
     */
    public long handleAccepted(String source, long now) {
        if (stopped || wedged) {
            return -1;
        }
        inputNow = now;
        long refusedUntil = throttle.refusedUntil(source, now);
        if (refusedUntil != 0) {
            // no connection, so no remote for the transport to add: the source stands in for the peer
            events.add(new NodeEvent.HandshakeFailed(source, Direction.INCOMING, FailReason.NOT_ALLOWED,
                    "LIM-6: source " + source + " refused for " + Math.max(1, (refusedUntil - now) / 1_000_000)
                    + " ms more after " + throttle.failures(source) + " failed cookie proofs", -1));
            return -1;
        }
        String bucket = config.maxPendingPerSource() == 0 ? null : source; // 0: LIM-5 off, one shared bucket
        // the arriving source pays first, so a full table does not cost another source a connection;
        // at a per-source limit equal to the total, LIM-2 below does the same
        if (bucket != null && config.maxPendingPerSource() < config.maxPendingHandshakes()) {
            while (slots.pendingFrom(bucket) >= config.maxPendingPerSource()) {
                evict(slots.oldestPendingFrom(bucket), "LIM-5: evicted, source " + source + " has "
                        + config.maxPendingPerSource() + " unauthenticated connections pending");
            }
        }
        while (slots.pendingIncomingCount() >= config.maxPendingHandshakes()) {
            evict(slots.oldestOfBusiestSource(), "LIM-2: evicted, " + config.maxPendingHandshakes()
                    + " unauthenticated connections pending (the busiest source loses its oldest, LIM-5)");
        }
        long id = nextConnectionId++;
        Handshake hs = Handshake.acceptor(config.name(), config.creation(), incomingDigests, comparator, issued, new Policy(id), seams.checks());
        Slot slot = open(id, hs, now, source, bucket);
        slots.addPendingIncoming(slot);
        slots.reschedule(slot);
        return id;
    }

    private void evict(Slot oldest, String detail) {
        NodeName peer = oldest.connection.peer();
        abandon(oldest);
        events.add(new NodeEvent.HandshakeFailed(peer == null ? null : peer.full(), Direction.INCOMING,
                FailReason.NOT_ALLOWED, detail, oldest.connection.id()));
    }

    /** TCP and TLS are up on {@code connection}. */
    public void handleTransportReady(long connection, long now) {
        handleTransportReady(connection, ChannelBinding.NONE, now);
    }

    /** TCP and TLS are up on {@code connection}, with the certificates each side presented (HARD-4). */
    public void handleTransportReady(long connection, ChannelBinding binding, long now) {
        inputNow = now;
        Slot slot = slots.get(connection);
        if (slot != null) {
            slot.connection.handleTransportReady(binding, now);
            slots.reschedule(slot);
        }
    }

    /** Decrypted bytes read on {@code connection}. */
    public void handleBytes(long connection, byte[] bytes, int offset, int length, long now) {
        inputNow = now;
        Slot slot = slots.get(connection);
        if (slot != null) {
            slot.connection.handleBytes(bytes, offset, length, now);
            slots.reschedule(slot);
        }
    }

    public void handleBytes(long connection, byte[] bytes, long now) {
        handleBytes(connection, bytes, 0, bytes.length, now);
    }

    /** The transport lost {@code connection} (peer close, socket error, TLS failure). */
    public void handleTransportClosed(long connection, CloseCause cause, String detail, long now) {
        inputNow = now;
        Slot slot = slots.get(connection);
        if (slot != null) {
            slot.connection.handleTransportClosed(cause, detail);
        }
    }

    /** Runs every timer due at {@code now}. */
    public void handleTimeout(long now) {
        inputNow = now;
        for (Slot slot = slots.pollDue(now); slot != null; slot = slots.pollDue(now)) {
            slot.connection.handleTimeout(now);
            slots.reschedule(slot);
        }
    }

    // ---------------------------------------------------------------- outputs

    public Transmit pollTransmit() {
        return transmits.poll();
    }

    public NodeEvent pollEvent() {
        return events.poll();
    }

    /** The earliest instant {@link #handleTimeout} must run, or {@link Long#MAX_VALUE}. */
    public long pollTimeout() {
        return slots.nextDeadline();
    }

    /** Live sessions, ordered by peer name. */
    public List<SessionInfo> sessions() {
        return table.sessions();
    }

    public SessionInfo session(String peer) {
        return table.session(peer);
    }

    /** The number of live sessions, without copying them (for callers that check it often). */
    public int sessionCount() {
        return table.sessionCount();
    }

    /** Open connections, handshaking or established. */
    public int connectionCount() {
        return slots.size();
    }

    public int pendingIncomingCount() {
        return slots.pendingIncomingCount();
    }

    /** Challenges issued by handshakes still in progress (AUTH-8); for tests and invariants. */
    int outstandingChallenges() {
        return issued.size();
    }

    /** The direction of an open connection, or null. */
    public Direction direction(long connection) {
        Slot slot = slots.get(connection);
        return slot == null ? null : slot.direction;
    }

    // ---------------------------------------------------------------- internals

    private Slot open(long id, Handshake hs, long now, String source, String bucket) {
        Connection c = new Connection(id, hs, sink, entropy, now, config.handshakeTimeoutNanos(),
                seams.pingInterval().nanos(hs.direction(), config.heartbeatIntervalNanos()), config.heartbeatTimeoutNanos(), seams.session());
        return new Slot(c, hs.direction(), source, bucket);
    }

    /** Closes a connection on the node's own decision; its sink callbacks will not fire. */
    private void abandon(Slot slot) {
        if (slot == null) {
            return;
        }
        slot.connection.abandon();
        release(slot);
    }

    private void release(Slot slot) {
        retireChallenge(slot);
        slots.remove(slot);
        transmits.add(new Transmit.Close(slot.id()));
    }

    /** The slot's handshake no longer waits on its challenge (AUTH-8); once per connection. */
    private void retireChallenge(Slot slot) {
        if (slot != null && !slot.challengeRetired) {
            slot.challengeRetired = true;
            issued.retire(slot.connection.handshake().ownChallenge());
        }
    }

    /** The node-level decisions for one connection's handshake. */
    private final class Policy implements HandshakePolicy {
        private final long connection;
        /** The status this connection's NAME was answered with (acceptor only). */
        private Status admitted;

        Policy(long connection) {
            this.connection = connection;
        }

        @Override
        public Status admit(NodeName peer, int creation) {
            admitted = table.admit(peer);
            if (admitted == Status.ALIVE && seams.has(CoreDefect.REFUSE_RESTARTED_PEER)
                    && table.session(peer.full()).creation() != creation) {
                admitted = Status.NOT_ALLOWED;
            }
            Long attempt = table.pendingOutgoing(peer.full());
            if (attempt != null && admitted == Status.OK_SIMULTANEOUS && seams.cancelAttemptOnClaim()) {
                table.clearOutgoing(peer.full(), attempt);
                abandon(slots.get(attempt));
                events.add(new NodeEvent.HandshakeFailed(peer.full(), Direction.OUTGOING, FailReason.NOK,
                        "attempt given up at an unauthenticated NAME", attempt));
            }
            if (admitted == Status.ALIVE && seams.replaceBeforeProof()) {
                SessionInfo old = table.session(peer.full());
                table.remove(old.node(), old.connection());
                abandon(slots.get(old.connection()));
                events.add(new NodeEvent.NodeDown(old.node(), old.nodeId(), DownReason.REPLACED,
                        "replaced at NAME, before the cookie was proven", old.connection()));
            }
            return admitted;
        }

        @Override
        public boolean issuedByThisNode(Bytes32 challenge) {
            return issued.contains(challenge);
        }

        @Override
        public Registration register(NodeName peer, int creation, Direction direction) {
            NodeTable.Registration r = table.register(peer, creation, direction, connection, admitted == Status.ALIVE);
            if (r.session() == null) {
                return r.refusal();
            }
            slots.authenticated(connection);
            Slot slot = slots.get(connection);
            if (slot != null && slot.direction == Direction.INCOMING) {
                throttle.authenticated(slot.source);
            }
            if (r.replaced() != null) {
                SessionInfo old = r.replaced();
                abandon(slots.get(old.connection()));
                events.add(new NodeEvent.NodeDown(old.node(), old.nodeId(), DownReason.REPLACED,
                        "STATUS-6: replaced by a new authenticated connection (creation " + creation + ")", old.connection()));
            }
            if (r.cancelledAttempt() != NodeTable.Registration.NONE) {
                abandon(slots.get(r.cancelledAttempt()));
                events.add(new NodeEvent.HandshakeFailed(peer.full(), Direction.OUTGOING, FailReason.NOK,
                        "TIE-4: attempt given up, " + Printable.name(peer.full()) + " proved the cookie on its own connection", r.cancelledAttempt()));
            }
            return Registration.REGISTERED;
        }
    }

    /** Receives what connections decide. */
    private final class Sink implements ConnectionSink {
        @Override
        public void send(Connection c, byte[] bytes) {
            transmits.add(new Transmit.Send(c.id(), bytes));
        }

        @Override
        public void established(Connection c, NodeName peer, int creation) {
            retireChallenge(slots.get(c.id()));
            SessionInfo s = table.session(peer.full());
            events.add(new NodeEvent.NodeUp(peer.full(), s.nodeId(), creation, s.direction(), c.id()));
        }

        @Override
        public void failed(Connection c, FailReason reason, String detail) {
            Slot slot = slots.get(c.id());
            NodeName peer = c.peer();
            if (slot != null && slot.direction == Direction.OUTGOING) {
                table.clearOutgoing(peer.full(), c.id());
            }
            if (slot != null) {
                release(slot);
                if (slot.direction == Direction.INCOMING && reason == FailReason.COOKIE_MISMATCH) {
                    throttle.failed(slot.source, inputNow);
                }
            }
            if (reason == FailReason.PROTOCOL_ERROR && seams.has(CoreDefect.WEDGED_BY_PROTOCOL_ERROR)) {
                wedged = true;
            }
            if (seams.consumeIdOnFailure() && peer != null && c.handshake().ownChallenge() != null) {
                table.leakNodeId();
            }
            events.add(new NodeEvent.HandshakeFailed(peer == null ? null : peer.full(),
                    c.handshake().direction(), reason, detail, c.id()));
        }

        @Override
        public void down(Connection c, DownReason reason, String detail) {
            Slot slot = slots.get(c.id());
            SessionInfo s = table.remove(c.peer().full(), c.id());
            if (slot != null) {
                release(slot);
            }
            if (s != null) {
                events.add(new NodeEvent.NodeDown(s.node(), s.nodeId(), reason, detail, c.id()));
            }
        }
    }

}
