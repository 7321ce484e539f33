package dev.snow.ref.node;

import dev.snow.ref.handshake.HandshakeChecks;
import dev.snow.ref.session.SessionSeams;
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
 */
public record CoreSeams(IntFunction<NodeIdAllocator> ids, Tiebreak tiebreak, HandshakeChecks checks,
                        SessionSeams session, boolean replaceBeforeProof, boolean consumeIdOnFailure,
                        boolean cancelAttemptOnClaim, boolean connectToSelf) {

    public static final CoreSeams REAL = new CoreSeams(FifoNodeIdAllocator::new, Tiebreak.STANDARD,
            HandshakeChecks.ALL, SessionSeams.REAL, false, false, false, false);

    public CoreSeams withIds(IntFunction<NodeIdAllocator> f) {
        return new CoreSeams(f, tiebreak, checks, session, replaceBeforeProof, consumeIdOnFailure, cancelAttemptOnClaim, connectToSelf);
    }

    public CoreSeams withTiebreak(Tiebreak t) {
        return new CoreSeams(ids, t, checks, session, replaceBeforeProof, consumeIdOnFailure, cancelAttemptOnClaim, connectToSelf);
    }

    public CoreSeams withChecks(HandshakeChecks c) {
        return new CoreSeams(ids, tiebreak, c, session, replaceBeforeProof, consumeIdOnFailure, cancelAttemptOnClaim, connectToSelf);
    }

    public CoreSeams withSession(SessionSeams s) {
        return new CoreSeams(ids, tiebreak, checks, s, replaceBeforeProof, consumeIdOnFailure, cancelAttemptOnClaim, connectToSelf);
    }

    public CoreSeams replacingBeforeProof() {
        return new CoreSeams(ids, tiebreak, checks, session, true, consumeIdOnFailure, cancelAttemptOnClaim, connectToSelf);
    }

    public CoreSeams consumingIdOnFailure() {
        return new CoreSeams(ids, tiebreak, checks, session, replaceBeforeProof, true, cancelAttemptOnClaim, connectToSelf);
    }

    public CoreSeams cancellingAttemptOnClaim() {
        return new CoreSeams(ids, tiebreak, checks, session, replaceBeforeProof, consumeIdOnFailure, true, connectToSelf);
    }

    public CoreSeams connectingToSelf() {
        return new CoreSeams(ids, tiebreak, checks, session, replaceBeforeProof, consumeIdOnFailure, cancelAttemptOnClaim, true);
    }
}
