package dev.snow.ref.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.ref.wire.Bytes32;
import dev.snow.ref.wire.Frame;
import dev.snow.ref.wire.Status;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per row of the state table in {@link Handshake} (docs/PROTOCOL.md, Handshake). */
class HandshakeTableTest {
    private static final String COOKIE = "cookie";
    private static final Bytes32 CH_A = filled(0xaa);
    private static final Bytes32 CH_I = filled(0x11);
    private final CookieMac mac = new CookieMac(COOKIE);
    private final ScriptedPolicy policy = new ScriptedPolicy();

    private static Bytes32 filled(int v) {
        byte[] b = new byte[32];
        java.util.Arrays.fill(b, (byte) v);
        return Bytes32.of(b);
    }

    private static NodeName n(String s) {
        try {
            return NodeName.parse(s);
        } catch (InvalidNameException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Handshake initiator() {
        return Handshake.initiator(n("i@h:1"), 3, mac, DigestComparator.CONSTANT_TIME, new FixedChallenges(CH_I), policy, n("a@h:2"));
    }

    private Handshake acceptor() {
        return Handshake.acceptor(n("a@h:2"), 4, mac, DigestComparator.CONSTANT_TIME, new FixedChallenges(CH_A), policy);
    }

    private Handshake initiatorAwaitingStatus() {
        Handshake h = initiator();
        h.onTransportReady();
        return h;
    }

    private Handshake initiatorAwaitingAck() {
        Handshake h = initiatorAwaitingStatus();
        h.onFrame(new Frame.StatusChallenge(Status.OK, CH_A, "a@h:2", 4));
        return h;
    }

    private Handshake acceptorAwaitingName() {
        Handshake h = acceptor();
        h.onTransportReady();
        return h;
    }

    private Handshake acceptorAwaitingReply() {
        Handshake h = acceptorAwaitingName();
        h.onFrame(new Frame.Name("i@h:1", 3));
        return h;
    }

    // ---- initiator rows

    @Test
    void initiatorConnectingTransportReadySendsName() {
        Handshake h = initiator();

        HandshakeStep s = h.onTransportReady();

        assertThat(s.send()).containsExactly(new Frame.Name("i@h:1", 3));
        assertThat(h.state()).isEqualTo(Handshake.State.AWAIT_STATUS);
    }

    @Test
    void initiatorStatusFromAnotherNameAborts() {
        HandshakeStep s = initiatorAwaitingStatus().onFrame(new Frame.StatusChallenge(Status.OK, CH_A, "a@h:3", 4));

        assertFailed(s, FailReason.PROTOCOL_ERROR, "NAME-7");
    }

    @Test
    void initiatorStatusWithCreationZeroAborts() {
        HandshakeStep s = initiatorAwaitingStatus().onFrame(new Frame.StatusChallenge(Status.OK, CH_A, "a@h:2", 0));

        assertFailed(s, FailReason.PROTOCOL_ERROR, "HS-7");
    }

    @Test
    void initiatorNokAndNotAllowedClose() {
        assertFailed(initiatorAwaitingStatus().onFrame(new Frame.StatusChallenge(Status.NOK, null, "a@h:2", 4)),
                FailReason.NOK, "STATUS-5");
        assertFailed(initiatorAwaitingStatus().onFrame(new Frame.StatusChallenge(Status.NOT_ALLOWED, null, "a@h:2", 4)),
                FailReason.NOT_ALLOWED, "STATUS-5");
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = {"OK", "OK_SIMULTANEOUS", "ALIVE"})
    void initiatorContinuingStatusSendsReply(Status status) {
        Handshake h = initiatorAwaitingStatus();

        HandshakeStep s = h.onFrame(new Frame.StatusChallenge(status, CH_A, "a@h:2", 4));

        assertThat(s.send()).containsExactly(new Frame.ChallengeReply(mac.digest(CH_A), CH_I));
        assertThat(h.state()).isEqualTo(Handshake.State.AWAIT_ACK);
    }

    @Test
    void initiatorWrongAckClosesSilently() {
        HandshakeStep s = initiatorAwaitingAck().onFrame(new Frame.ChallengeAck(mac.digest(CH_A)));

        assertFailed(s, FailReason.COOKIE_MISMATCH, "AUTH-6");
        assertThat(policy.asked).isEmpty();
    }

    @Test
    void initiatorRightAckRegistersAndEstablishes() {
        Handshake h = initiatorAwaitingAck();

        HandshakeStep s = h.onFrame(new Frame.ChallengeAck(mac.digest(CH_I)));

        assertThat(s.outcome()).isEqualTo(HandshakeStep.Outcome.ESTABLISHED);
        assertThat(s.send()).isEmpty();
        assertThat(s.peer()).isEqualTo(n("a@h:2"));
        assertThat(s.peerCreation()).isEqualTo(4);
        assertThat(policy.asked).containsExactly("register a@h:2 4 outgoing");
        assertThat(h.state()).isEqualTo(Handshake.State.ESTABLISHED);
    }

    @Test
    void initiatorRightAckButNoNodeIdIsNotAllowed() {
        policy.registration = HandshakePolicy.Registration.NO_NODE_ID;

        assertFailed(initiatorAwaitingAck().onFrame(new Frame.ChallengeAck(mac.digest(CH_I))), FailReason.NOT_ALLOWED, "ID-5");
    }

    // ---- acceptor rows

    @Test
    void acceptorTransportReadySendsNothing() {
        Handshake h = acceptor();

        assertThat(h.onTransportReady().send()).isEmpty();
        assertThat(h.state()).isEqualTo(Handshake.State.AWAIT_NAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "no-at", "a.b@h", "a@", "a@h:0", "a@h:2"})
    void acceptorRefusesInvalidOrOwnNameWithNotAllowedWithoutAskingThePolicy(String name) {
        HandshakeStep s = acceptorAwaitingName().onFrame(new Frame.Name(name, 3));

        assertRefused(s, FailReason.NOT_ALLOWED, "NAME-5");
        assertThat(s.send()).containsExactly(new Frame.StatusChallenge(Status.NOT_ALLOWED, null, "a@h:2", 4));
        assertThat(policy.asked).isEmpty();
    }

    @Test
    void acceptorRefusesCreationZero() {
        HandshakeStep s = acceptorAwaitingName().onFrame(new Frame.Name("i@h:1", 0));

        assertRefused(s, FailReason.NOT_ALLOWED, "HS-7");
        assertThat(s.send()).containsExactly(new Frame.StatusChallenge(Status.NOT_ALLOWED, null, "a@h:2", 4));
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = {"NOK", "NOT_ALLOWED"})
    void acceptorPolicyRefusalSendsStatusWithoutChallengeAndCloses(Status status) {
        policy.status = status;

        HandshakeStep s = acceptorAwaitingName().onFrame(new Frame.Name("i@h:1", 3));

        assertThat(s.outcome()).isEqualTo(HandshakeStep.Outcome.FAILED);
        assertThat(s.failure()).isEqualTo(status == Status.NOK ? FailReason.NOK : FailReason.NOT_ALLOWED);
        assertThat(s.send()).containsExactly(new Frame.StatusChallenge(status, null, "a@h:2", 4));
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = {"OK", "OK_SIMULTANEOUS", "ALIVE"})
    void acceptorContinuingStatusSendsChallenge(Status status) {
        policy.status = status;
        Handshake h = acceptorAwaitingName();

        HandshakeStep s = h.onFrame(new Frame.Name("i@h:1", 3));

        assertThat(s.send()).containsExactly(new Frame.StatusChallenge(status, CH_A, "a@h:2", 4));
        assertThat(h.state()).isEqualTo(Handshake.State.AWAIT_REPLY);
        assertThat(policy.asked).containsExactly("admit i@h:1 3");
    }

    @Test
    void acceptorRefusesAReflectedChallenge() {
        HandshakeStep s = acceptorAwaitingReply().onFrame(new Frame.ChallengeReply(mac.digest(CH_A), CH_A));

        assertFailed(s, FailReason.PROTOCOL_ERROR, "AUTH-5");
    }

    @Test
    void acceptorWrongDigestClosesSilently() {
        HandshakeStep s = acceptorAwaitingReply().onFrame(new Frame.ChallengeReply(new CookieMac("x").digest(CH_A), CH_I));

        assertFailed(s, FailReason.COOKIE_MISMATCH, "AUTH-6");
        assertThat(policy.asked).containsExactly("admit i@h:1 3");
    }

    @Test
    void acceptorRightDigestRegistersAndSendsAck() {
        Handshake h = acceptorAwaitingReply();

        HandshakeStep s = h.onFrame(new Frame.ChallengeReply(mac.digest(CH_A), CH_I));

        assertThat(s.outcome()).isEqualTo(HandshakeStep.Outcome.ESTABLISHED);
        assertThat(s.send()).containsExactly(new Frame.ChallengeAck(mac.digest(CH_I)));
        assertThat(policy.asked).containsExactly("admit i@h:1 3", "register i@h:1 3 incoming");
    }

    @Test
    void acceptorRightDigestButRegistrationRefusedSendsNothing() {
        policy.registration = HandshakePolicy.Registration.TIEBREAK_LOST;
        assertFailed(acceptorAwaitingReply().onFrame(new Frame.ChallengeReply(mac.digest(CH_A), CH_I)), FailReason.NOK, "TIE-1");

        policy.registration = HandshakePolicy.Registration.NO_NODE_ID;
        assertFailed(acceptorAwaitingReply().onFrame(new Frame.ChallengeReply(mac.digest(CH_A), CH_I)), FailReason.NOT_ALLOWED, "ID-5");
    }

    // ---- the row common to every waiting state: any other frame is FRAME-7

    @Test
    void everyUnexpectedFrameInEveryWaitingStateIsAProtocolError() {
        List<Frame> all = List.of(new Frame.Name("i@h:1", 3), new Frame.StatusChallenge(Status.OK, CH_A, "a@h:2", 4),
                new Frame.ChallengeReply(mac.digest(CH_A), CH_I), new Frame.ChallengeAck(mac.digest(CH_I)),
                new Frame.Ping(1), new Frame.Pong(1));
        int checked = 0;
        for (int state = 0; state < 4; state++) {
            for (Frame f : all) {
                Handshake h = state == 0 ? initiatorAwaitingStatus() : state == 1 ? initiatorAwaitingAck()
                        : state == 2 ? acceptorAwaitingName() : acceptorAwaitingReply();
                boolean expected = (state == 0 && f instanceof Frame.StatusChallenge) || (state == 1 && f instanceof Frame.ChallengeAck)
                        || (state == 2 && f instanceof Frame.Name) || (state == 3 && f instanceof Frame.ChallengeReply);
                if (expected) {
                    continue;
                }
                assertFailed(h.onFrame(f), FailReason.PROTOCOL_ERROR, "FRAME-7");
                checked++;
            }
        }
        assertThat(checked).isEqualTo(20);
    }

    @Test
    void framesBeforeTheTransportIsReadyAreProtocolErrors() {
        assertFailed(initiator().onFrame(new Frame.Ping(1)), FailReason.PROTOCOL_ERROR, "FRAME-7");
        assertFailed(acceptor().onFrame(new Frame.Name("i@h:1", 3)), FailReason.PROTOCOL_ERROR, "FRAME-7");
    }

    /** Failed, closing without sending anything. */
    private static void assertFailed(HandshakeStep s, FailReason reason, String rule) {
        assertRefused(s, reason, rule);
        assertThat(s.send()).as("nothing is sent on this failure").isEmpty();
    }

    /** Failed; what was sent is checked by the caller. */
    private static void assertRefused(HandshakeStep s, FailReason reason, String rule) {
        assertThat(s.outcome()).isEqualTo(HandshakeStep.Outcome.FAILED);
        assertThat(s.failure()).isEqualTo(reason);
        assertThat(s.detail()).startsWith(rule);
    }
}
