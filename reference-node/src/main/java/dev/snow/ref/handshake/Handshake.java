package dev.snow.ref.handshake;

import dev.snow.ref.text.Printable;
import dev.snow.ref.wire.Bytes32;
import dev.snow.ref.wire.Frame;
import dev.snow.ref.wire.Status;
import dev.snow.ref.wire.Tag;
import java.util.EnumMap;
import java.util.Map;

/**
 * The handshake of one connection, for either role. The whole state table (docs/PROTOCOL.md,
 * Handshake) lives in this class:
 * <pre>
 * role       state          input                         action                                  next
 * ---------  -------------  ----------------------------  --------------------------------------  -----------
 * initiator  CONNECTING     transport ready               send NAME                               AWAIT_STATUS
 * initiator  AWAIT_STATUS   STATUS name != dialled        close (protocol_error, NAME-7)          CLOSED
 * initiator  AWAIT_STATUS   STATUS creation 0             close (protocol_error, HS-7)            CLOSED
 * initiator  AWAIT_STATUS   STATUS nok | not_allowed      close (nok | not_allowed)               CLOSED
 * initiator  AWAIT_STATUS   STATUS ch_a issued by us      close (protocol_error, AUTH-8)          CLOSED
 * initiator  AWAIT_STATUS   STATUS ok|ok_sim|alive        send REPLY(HMAC(ch_a), ch_i)            AWAIT_ACK
 * initiator  AWAIT_ACK      ACK, wrong digest             close, send nothing (cookie_mismatch)   CLOSED
 * initiator  AWAIT_ACK      ACK, right digest             register; node_up                       ESTABLISHED
 * acceptor   ACCEPTING      transport ready               (wait for NAME, HS-1)                   AWAIT_NAME
 * acceptor   AWAIT_NAME     NAME invalid/own/creation 0   send STATUS not_allowed, close          CLOSED
 * acceptor   AWAIT_NAME     NAME                          status = policy.admit; nok/not_allowed:
 *                                                         send STATUS, close; else send STATUS+ch_a AWAIT_REPLY
 * acceptor   AWAIT_REPLY    REPLY, ch_i == ch_a           close, send nothing (AUTH-5)            CLOSED
 * acceptor   AWAIT_REPLY    REPLY, ch_i issued by us      close, send nothing (AUTH-8)            CLOSED
 * acceptor   AWAIT_REPLY    REPLY, wrong digest           close, send nothing (cookie_mismatch)   CLOSED
 * acceptor   AWAIT_REPLY    REPLY, right digest           register; send ACK(HMAC(ch_i)); node_up ESTABLISHED
 * any        any            a frame not expected above    close (protocol_error, FRAME-7)         CLOSED
 * </pre>
 * Digests come from the profile's {@link DigestScheme}: HMAC over the challenge alone (base,
 * AUTH-1) or over the channel, role, names and challenges (hardened, HARD-4). A hardened
 * handshake whose transport reports no mutual TLS closes at "transport ready" with reason
 * profile_mismatch and sends nothing (HARD-7).
 * The initiator checks the acceptor's name and creation before acting on any status (NAME-7).
 * Every frame received and every step decided passes the {@link HandshakeChecks#tap()}, which
 * changes nothing in the node ({@link HandshakeTap#NONE}; test-scope mutants rewrite one).
 * Registration refused (no node_id free: not_allowed; an acceptor whose own later attempt to a
 * larger peer wins the tiebreak: nok) closes and sends nothing.
 */
public final class Handshake {

    public enum State { CONNECTING, AWAIT_STATUS, AWAIT_ACK, ACCEPTING, AWAIT_NAME, AWAIT_REPLY, ESTABLISHED, CLOSED }

    /** The only frame each waiting state accepts (FRAME-7). */
    private static final Map<State, Tag> EXPECTS = new EnumMap<>(Map.of(
            State.AWAIT_STATUS, Tag.STATUS_CHALLENGE,
            State.AWAIT_ACK, Tag.CHALLENGE_ACK,
            State.AWAIT_NAME, Tag.NAME,
            State.AWAIT_REPLY, Tag.CHALLENGE_REPLY));

    private final Direction direction;
    private final NodeName local;
    private final int localCreation;
    private final DigestScheme digests;
    private final DigestComparator comparator;
    private final ChallengeSource challenges;
    private final HandshakePolicy policy;
    private final NodeName dialled;
    private final HandshakeChecks checks;

    private State state;
    private Bytes32 ownChallenge;
    /** The acceptor's challenge, kept by the initiator for the ACK check (HARD-4 covers both). */
    private Bytes32 acceptorChallenge;
    /** The peer's name exactly as it travelled (NAME for an acceptor), for HARD-4. */
    private String peerNameOnWire;
    private ChannelBinding channel = ChannelBinding.NONE;
    private NodeName peer;
    private int peerCreation;

    private Handshake(Direction direction, NodeName local, int localCreation, DigestScheme digests, DigestComparator comparator,
                      ChallengeSource challenges, HandshakePolicy policy, NodeName dialled, HandshakeChecks checks) {
        this.direction = direction;
        this.local = local;
        this.localCreation = localCreation;
        this.digests = digests;
        this.comparator = comparator;
        this.challenges = challenges;
        this.policy = policy;
        this.dialled = dialled;
        this.checks = checks;
        this.state = direction == Direction.OUTGOING ? State.CONNECTING : State.ACCEPTING;
    }

    /** The handshake of a connection we dial to {@code dialled}. */
    public static Handshake initiator(NodeName local, int localCreation, CookieMac mac, DigestComparator comparator,
                                      ChallengeSource challenges, HandshakePolicy policy, NodeName dialled) {
        return initiator(local, localCreation, new BaseDigests(mac), comparator, challenges, policy, dialled);
    }

    /** The handshake of a connection we dial to {@code dialled}, with the profile's digests. */
    public static Handshake initiator(NodeName local, int localCreation, DigestScheme digests, DigestComparator comparator,
                                      ChallengeSource challenges, HandshakePolicy policy, NodeName dialled) {
        return initiator(local, localCreation, digests, comparator, challenges, policy, dialled, HandshakeChecks.ALL);
    }

    /** As above, with {@code checks} (tests' mutants). */
    public static Handshake initiator(NodeName local, int localCreation, DigestScheme digests, DigestComparator comparator,
                                      ChallengeSource challenges, HandshakePolicy policy, NodeName dialled, HandshakeChecks checks) {
        return new Handshake(Direction.OUTGOING, local, localCreation, digests, comparator, challenges, policy, dialled, checks);
    }

    /** The handshake of a connection we accepted. */
    public static Handshake acceptor(NodeName local, int localCreation, CookieMac mac, DigestComparator comparator,
                                     ChallengeSource challenges, HandshakePolicy policy) {
        return acceptor(local, localCreation, new BaseDigests(mac), comparator, challenges, policy);
    }

    /** The handshake of a connection we accepted, with the profile's digests. */
    public static Handshake acceptor(NodeName local, int localCreation, DigestScheme digests, DigestComparator comparator,
                                     ChallengeSource challenges, HandshakePolicy policy) {
        return acceptor(local, localCreation, digests, comparator, challenges, policy, HandshakeChecks.ALL);
    }

    /** As above, with {@code checks} (tests' mutants). */
    public static Handshake acceptor(NodeName local, int localCreation, DigestScheme digests, DigestComparator comparator,
                                     ChallengeSource challenges, HandshakePolicy policy, HandshakeChecks checks) {
        return new Handshake(Direction.INCOMING, local, localCreation, digests, comparator, challenges, policy, null, checks);
    }

    public State state() {
        return state;
    }

    public Direction direction() {
        return direction;
    }

    /** The peer's name: the dialled one for an initiator, the one from NAME (once read) for an acceptor. */
    public NodeName peer() {
        return direction == Direction.OUTGOING ? dialled : peer;
    }

    /** The challenge this handshake issued, or null before it drew one. */
    public Bytes32 ownChallenge() {
        return ownChallenge;
    }

    /** TCP and TLS are up: the initiator speaks first (HS-1). */
    public HandshakeStep onTransportReady() {
        return onTransportReady(ChannelBinding.NONE);
    }

    /**
     * TCP and TLS are up, with the certificates each side presented. A hardened handshake
     * without mutual TLS stops here (HARD-7): the peer runs the base profile.
     */
    public HandshakeStep onTransportReady(ChannelBinding binding) {
        State before = state;
        return checks.tap().decided(direction, before, null, transportReady(binding));
    }

    private HandshakeStep transportReady(ChannelBinding binding) {
        if ((state == State.CONNECTING || state == State.ACCEPTING) && digests.requiresMutualTls() && !binding.isMutual()) {
            return fail(FailReason.PROFILE_MISMATCH, direction == Direction.OUTGOING
                    ? "HARD-7: the acceptor did not ask for our certificate (no mutual TLS): it runs the base profile, we run hardened"
                    : "HARD-7: the initiator presented no certificate (no mutual TLS): it runs the base profile, we run hardened");
        }
        channel = binding;
        if (state == State.CONNECTING) {
            state = State.AWAIT_STATUS;
            return HandshakeStep.next(new Frame.Name(local.full(), localCreation));
        }
        if (state == State.ACCEPTING) {
            state = State.AWAIT_NAME;
            return HandshakeStep.next();
        }
        throw new IllegalStateException("transport ready twice (state " + state + ")");
    }

    /** A decoded frame from the peer. */
    public HandshakeStep onFrame(Frame frame) {
        State before = state;
        Frame input = checks.tap().received(direction, before, frame);
        return checks.tap().decided(direction, before, input, frame(input));
    }

    private HandshakeStep frame(Frame frame) {
        Tag expected = EXPECTS.get(state);
        if (expected != frame.tag()) {
            return fail(FailReason.PROTOCOL_ERROR, "FRAME-7: " + frame.tag() + " is not expected by the "
                    + roleName() + " in state " + state + (expected == null ? "" : " (expecting " + expected + ")"));
        }
        switch (state) {
            case AWAIT_STATUS:
                return onStatus((Frame.StatusChallenge) frame);
            case AWAIT_ACK:
                return onAck((Frame.ChallengeAck) frame);
            case AWAIT_NAME:
                return onName((Frame.Name) frame);
            case AWAIT_REPLY:
                return onReply((Frame.ChallengeReply) frame);
            default:
                throw new IllegalStateException("no handler for state " + state);
        }
    }

    private HandshakeStep onStatus(Frame.StatusChallenge f) {
        if (checks.dialledName() && !isDialledName(f.name())) {
            return fail(FailReason.PROTOCOL_ERROR, "NAME-7: acceptor calls itself " + Printable.quoted(f.name())
                    + " but we dialled " + Printable.quoted(dialled.full()));
        }
        if (checks.creation() && f.creation() == 0) {
            return fail(FailReason.PROTOCOL_ERROR, "HS-7: acceptor creation is 0 (reserved)");
        }
        if (f.status() == Status.NOK) {
            return fail(FailReason.NOK, "STATUS-5: acceptor answered nok");
        }
        if (f.status() == Status.NOT_ALLOWED) {
            return fail(FailReason.NOT_ALLOWED, "STATUS-5: acceptor answered not_allowed");
        }
        if (policy.issuedByThisNode(f.challenge())) {
            return fail(FailReason.PROTOCOL_ERROR, "AUTH-8: the acceptor's challenge is one this node issued itself"
                    + " on another connection (reflection)");
        }
        peerCreation = f.creation();
        acceptorChallenge = f.challenge();
        ownChallenge = challenges.nextChallenge();
        Frame.ChallengeReply reply = new Frame.ChallengeReply(digests.reply(context(acceptorChallenge, ownChallenge)), ownChallenge);
        if (!checks.upAfterAck()) { // a mutant's defect (HS-5 broken): established before any ACK
            HandshakeStep refused = refusedRegistration(policy.register(dialled, peerCreation, direction), dialled);
            if (refused != null) {
                return refused;
            }
            state = State.ESTABLISHED;
            return HandshakeStep.established(dialled, peerCreation, reply);
        }
        state = State.AWAIT_ACK;
        return HandshakeStep.next(reply);
    }

    private HandshakeStep onAck(Frame.ChallengeAck f) {
        if (!comparator.matches(digests.ack(context(acceptorChallenge, ownChallenge)), f.digest())) {
            return fail(FailReason.COOKIE_MISMATCH, "AUTH-6: CHALLENGE_ACK digest does not match our challenge");
        }
        HandshakeStep refused = refusedRegistration(policy.register(dialled, peerCreation, direction), dialled);
        if (refused != null) {
            return refused;
        }
        state = State.ESTABLISHED;
        return HandshakeStep.established(dialled, peerCreation);
    }

    private HandshakeStep onName(Frame.Name f) {
        NodeName claimed;
        try {
            claimed = NodeName.parse(f.name(), brokenNameRules);
        } catch (InvalidNameException e) {
            return refuse(Status.NOT_ALLOWED, FailReason.NOT_ALLOWED, "NAME-5: " + e.getMessage());
        }
        if (claimed.equals(local) && !brokenNameRules.contains("NAME-5")) {
            return refuse(Status.NOT_ALLOWED, FailReason.NOT_ALLOWED, "NAME-5: peer claims our own name " + local);
        }
        if (checks.creation() && f.creation() == 0) {
            return refuse(Status.NOT_ALLOWED, FailReason.NOT_ALLOWED, "HS-7: " + Printable.name(claimed.full()) + " sent creation 0 (reserved)");
        }
        peer = claimed;
        peerNameOnWire = f.name();
        peerCreation = f.creation();
        Status status = policy.admit(claimed, f.creation());
        if (status == Status.NOK) {
            return refuse(status, FailReason.NOK, "TIE-2: we (" + local + ") keep our own attempt to " + Printable.name(claimed.full()));
        }
        if (status == Status.NOT_ALLOWED) {
            return refuse(status, FailReason.NOT_ALLOWED, "ID-5: no node_id is free for " + Printable.name(claimed.full()));
        }
        ownChallenge = challenges.nextChallenge();
        state = State.AWAIT_REPLY;
        return HandshakeStep.next(new Frame.StatusChallenge(status, ownChallenge, local.full(), localCreation));
    }

    private HandshakeStep onReply(Frame.ChallengeReply f) {
        if (checks.reflection() && f.challenge().equals(ownChallenge)) {
            return fail(FailReason.PROTOCOL_ERROR, "AUTH-5: initiator reflected our own challenge");
        }
        if (checks.reflection() && policy.issuedByThisNode(f.challenge())) {
            return fail(FailReason.PROTOCOL_ERROR, "AUTH-8: the initiator's challenge is one this node issued itself"
                    + " on another connection (reflection)");
        }
        DigestContext ctx = context(ownChallenge, f.challenge());
        if (!comparator.matches(digests.reply(ctx), f.digest())) {
            return fail(FailReason.COOKIE_MISMATCH, "AUTH-6: CHALLENGE_REPLY digest does not match our challenge");
        }
        HandshakeStep refused = refusedRegistration(policy.register(peer, peerCreation, direction), peer);
        if (refused != null) {
            return refused;
        }
        state = State.ESTABLISHED;
        return HandshakeStep.established(peer, peerCreation, new Frame.ChallengeAck(digests.ack(ctx)));
    }

    /** This connection's digest inputs; names in wire order: initiator's NAME, acceptor's STATUS_CHALLENGE. */
    private DigestContext context(Bytes32 acceptorCh, Bytes32 initiatorCh) {
        return direction == Direction.OUTGOING
                ? new DigestContext(channel, local.full(), dialled.full(), acceptorCh, initiatorCh)
                : new DigestContext(channel, peerNameOnWire, local.full(), acceptorCh, initiatorCh);
    }

    /** The failure for a registration the node refused, or null when it registered. */
    private HandshakeStep refusedRegistration(HandshakePolicy.Registration r, NodeName who) {
        switch (r) {
            case REGISTERED:
                return null;
            case NO_NODE_ID:
                return fail(FailReason.NOT_ALLOWED, "ID-5: no node_id is free for " + Printable.name(who.full()));
            case TIEBREAK_LOST:
                return fail(FailReason.NOK, "TIE-1: we (" + local + ") dialled " + Printable.name(who.full()) + " meanwhile and keep that attempt");
            default:
                throw new IllegalStateException("unknown registration " + r);
        }
    }

    /** Acceptor refusal: STATUS with no challenge, then close (STATUS-3). */
    private HandshakeStep refuse(Status status, FailReason reason, String detail) {
        state = State.CLOSED;
        return HandshakeStep.failed(reason, detail, new Frame.StatusChallenge(status, null, local.full(), localCreation));
    }

    private HandshakeStep fail(FailReason reason, String detail) {
        state = State.CLOSED;
        return HandshakeStep.failed(reason, detail);
    }

    private String roleName() {
        return direction == Direction.OUTGOING ? "initiator" : "acceptor";
    }

    // ------------------------------------------------ name-rule seams (conformance mutants only)

    /** Name rules broken on purpose by a conformance mutant (docs/MUTATION.md); empty in a real node. */
    private java.util.Set<String> brokenNameRules = java.util.Set.of();

    /**
     * Breaks the name rules among {@code rules} on this handshake: NAME-1/NAME-2 (a lenient parse
     * of the name in NAME), NAME-5 (our own name in NAME taken), NAME-4 (the acceptor's name
     * compared with the dialled one ignoring case). Only conformance mutants call this.
     */
    public void breakNameRules(java.util.Set<String> rules) {
        brokenNameRules = java.util.Set.copyOf(rules);
    }

    /** NAME-7 with NAME-4: the acceptor's name is the dialled name, byte for byte. */
    private boolean isDialledName(String name) {
        return brokenNameRules.contains("NAME-4") ? name.equalsIgnoreCase(dialled.full()) : name.equals(dialled.full());
    }

    /** True when the current state expects a frame with {@code tag} (FRAME-7). */
    public boolean expects(Tag tag) {
        return EXPECTS.get(state) == tag;
    }
}
