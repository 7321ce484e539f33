package dev.snow.ref.node;

import dev.snow.ref.handshake.HandshakeChecks;
import dev.snow.ref.session.SessionSeams;
import dev.snow.ref.handshake.DigestScheme;
import dev.snow.ref.handshake.Direction;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The seams of a {@link NodeCore} besides its challenge source and digest comparison, real by
 * default ({@link #REAL}). The production node always runs {@link #REAL}; the conformance mutants
 * (reference-node test scope, docs/MUTATION.md) each replace exactly one to plant one defect, so
 * the suite can prove it notices. The boolean seams name the defect they plant; real is false.
 *
 * @param ids                   the node_id allocator for a max_node_id (ID-2, ID-3)
 * @param tiebreak              the simultaneous-connect rule (TIE-1..TIE-3)
 * @param checks                the handshake's own checks (NAME-7, AUTH-5)
 * @param session               per-connection seams (PONG payload, frame limits, heartbeat)
 * @param replaceBeforeProof    tear an alive session down at NAME, before the cookie is proven (STATUS-6)
 * @param consumeIdOnFailure    take a node_id for a handshake that then fails (AUTH-6)
 * @param cancelAttemptOnClaim  give our attempt up at an unauthenticated NAME of that peer (TIE-4)
 * @param connectToSelf         dial our own name instead of refusing locally (NAME-6)
 * @param digests               the digest scheme per role (real: the node's own; AUTH-1, HS-3, HS-4)
 * @param pingInterval          the heartbeat_interval per role (real: the configured one; HB-1)
 * @param defects               node-level defects planted (real: none)
 */
public record CoreSeams(IntFunction<NodeIdAllocator> ids, Tiebreak tiebreak, HandshakeChecks checks,
                        SessionSeams session, boolean replaceBeforeProof, boolean consumeIdOnFailure,
                        boolean cancelAttemptOnClaim, boolean connectToSelf, RoleDigests digests,
                        PingInterval pingInterval, Set<CoreDefect> defects) {

    public static final CoreSeams REAL = new CoreSeams(FifoNodeIdAllocator::new, Tiebreak.STANDARD,
            HandshakeChecks.ALL, SessionSeams.REAL, false, false, false, false, RoleDigests.REAL, PingInterval.REAL, Set.of());

    public CoreSeams {
        defects = Set.copyOf(defects);
    }

    /** The digest scheme the handshakes of one role use (AUTH-1, HS-3, HS-4): the node's own for real. */
    @FunctionalInterface
    public interface RoleDigests {
        RoleDigests REAL = (role, real, cookie) -> real;

        DigestScheme of(Direction role, DigestScheme real, String cookie);
    }

    /** The heartbeat_interval the sessions of one role run with (HB-1): the configured one for real. */
    @FunctionalInterface
    public interface PingInterval {
        PingInterval REAL = (role, configuredNanos) -> configuredNanos;

        long nanos(Direction role, long configuredNanos);
    }

    public boolean has(CoreDefect d) {
        return defects.contains(d);
    }

    public CoreSeams withIds(IntFunction<NodeIdAllocator> f) {
        return new CoreSeams(f, tiebreak, checks, session, replaceBeforeProof, consumeIdOnFailure, cancelAttemptOnClaim, connectToSelf, digests, pingInterval, defects);
    }

    public CoreSeams withTiebreak(Tiebreak t) {
        return new CoreSeams(ids, t, checks, session, replaceBeforeProof, consumeIdOnFailure, cancelAttemptOnClaim, connectToSelf, digests, pingInterval, defects);
    }

    public CoreSeams withChecks(HandshakeChecks c) {
        return new CoreSeams(ids, tiebreak, c, session, replaceBeforeProof, consumeIdOnFailure, cancelAttemptOnClaim, connectToSelf, digests, pingInterval, defects);
    }

    public CoreSeams withSession(SessionSeams s) {
        return new CoreSeams(ids, tiebreak, checks, s, replaceBeforeProof, consumeIdOnFailure, cancelAttemptOnClaim, connectToSelf, digests, pingInterval, defects);
    }

    public CoreSeams replacingBeforeProof() {
        return new CoreSeams(ids, tiebreak, checks, session, true, consumeIdOnFailure, cancelAttemptOnClaim, connectToSelf, digests, pingInterval, defects);
    }

    public CoreSeams consumingIdOnFailure() {
        return new CoreSeams(ids, tiebreak, checks, session, replaceBeforeProof, true, cancelAttemptOnClaim, connectToSelf, digests, pingInterval, defects);
    }

    public CoreSeams cancellingAttemptOnClaim() {
        return new CoreSeams(ids, tiebreak, checks, session, replaceBeforeProof, consumeIdOnFailure, true, connectToSelf, digests, pingInterval, defects);
    }

    public CoreSeams connectingToSelf() {
        return new CoreSeams(ids, tiebreak, checks, session, replaceBeforeProof, consumeIdOnFailure, cancelAttemptOnClaim, true, digests, pingInterval, defects);
    }

    public CoreSeams withDigests(RoleDigests d) {
        return new CoreSeams(ids, tiebreak, checks, session, replaceBeforeProof, consumeIdOnFailure, cancelAttemptOnClaim, connectToSelf, d, pingInterval, defects);
    }

    public CoreSeams withPingInterval(PingInterval p) {
        return new CoreSeams(ids, tiebreak, checks, session, replaceBeforeProof, consumeIdOnFailure, cancelAttemptOnClaim, connectToSelf, digests, p, defects);
    }

    public CoreSeams with(CoreDefect d) {
        Set<CoreDefect> more = new java.util.HashSet<>(defects);
        more.add(d);
        return new CoreSeams(ids, tiebreak, checks, session, replaceBeforeProof, consumeIdOnFailure, cancelAttemptOnClaim, connectToSelf, digests, pingInterval, more);
    }
}
