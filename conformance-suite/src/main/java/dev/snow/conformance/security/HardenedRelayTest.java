package dev.snow.conformance.security;

import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Event;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.NodeOptions;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.RunContext;
import dev.snow.conformance.harness.Tester;
import dev.snow.conformance.peer.Frames;
import dev.snow.conformance.peer.Incoming;
import dev.snow.conformance.peer.MutualTls;
import dev.snow.conformance.peer.PeerConnection;
import dev.snow.conformance.peer.StatusCode;
import dev.snow.conformance.peer.TesterListener;
import dev.snow.conformance.peer.WireFrame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/**
 * The two attacks of SEC-1 between two nodes of the implementation under test, A and B, by an
 * attacker M that holds no cookie (the tester, which never uses the cookie in these tests):
 * <pre>
 * relay:  A dials B but reaches M; M terminates TLS towards A and dials B itself, then copies
 *         NAME, STATUS_CHALLENGE, CHALLENGE_REPLY (and ACK) unchanged.
 * hijack: A dials M (under M's own name). M dials B claiming a third name V, takes B's
 *         challenge, puts it in its own STATUS_CHALLENGE to A, and hands A's REPLY to B.
 * </pre>
 * In the base profile both succeed: an informational finding (SEC-1). In the hardened profile
 * (HARD-3, HARD-4) B must refuse the REPLY (cookie_mismatch) and neither node may report
 * node_up: a node that forgets the certificate binding fails here.
 */
@ConformanceTest
class HardenedRelayTest {

    @Test
    @Requirement({"SEC-1"})
    void aRelayBetweenTwoBaseNodesSucceeds(Tester t) {
        Pair p = Pair.start(t, "base");
        if (relay(t, p, null)) {
            t.informational("relayed between two IUT nodes: A and B each reported node_up for the other over TLS connections that"
                    + " ended at a man-in-the-middle without the cookie (SEC-1)");
        }
    }

    @Test
    @Requirement({"HARD-3", "HARD-4"})
    void aRelayBetweenTwoHardenedNodesFails(Tester t) {
        Pair p = Pair.start(t, "hardened");
        if (relay(t, p, MutualTls.newIdentity())) {
            throw new AssertionError("HARD-4: a relay between two hardened IUT nodes succeeded: B registered A over a channel that"
                    + " ended at a man-in-the-middle (the digests are not bound to the TLS certificates)");
        }
    }

    @Test
    @Requirement({"SEC-1"})
    void aHijackThroughANodeThatDialsTheAttackerSucceedsInTheBaseProfile(Tester t) {
        Pair p = Pair.start(t, "base");
        String victim = t.name("victim");
        if (hijack(t, p, null, victim)) {
            t.informational("hijack: B registered " + victim + " for an attacker without the cookie, with the REPLY that A computed"
                    + " for B's challenge when it dialled the attacker (SEC-1: digests bind neither names nor channel)");
        }
    }

    @Test
    @Requirement({"HARD-4", "HARD-5"})
    void aHijackThroughAHardenedNodeFails(Tester t) {
        Pair p = Pair.start(t, "hardened");
        String victim = t.name("victim");
        if (hijack(t, p, MutualTls.newIdentity(), victim)) {
            throw new AssertionError("HARD-4: B registered " + victim + " for an attacker without the cookie, with A's REPLY to a"
                    + " challenge the attacker relayed from B");
        }
    }

    /** Two IUT nodes with {@code profile}; closed at the end of the test. */
    private record Pair(Iut a, Iut b) {
        static Pair start(Tester t, String profile) {
            RunContext run = RunContext.current();
            Iut a = t.closeAtEnd(Iut.start(run.implementation(), "relay-a", NodeOptions.of(run.uniqueName("a", 0), run.cookie())
                    .withCreation(11).withProfile(profile)));
            Iut b = t.closeAtEnd(Iut.start(run.implementation(), "relay-b", NodeOptions.of(run.uniqueName("b", 0), run.cookie())
                    .withCreation(12).withProfile(profile)));
            return new Pair(a, b);
        }
    }

    /**
     * Runs the relay; true when B reported node_up for A (the relay worked). {@code identity}:
     * M's certificate for mutual TLS (hardened), or null for base TLS.
     */
    private static boolean relay(Tester t, Pair p, SSLContext identity) {
        TesterListener m = identity == null ? t.listen() : t.listenMutual(identity);
        int markA = p.a().mark();
        int markB = p.b().mark();
        p.a().connect(p.b().name(), m.hostPort());
        PeerConnection fromA = accept(t, m);
        Incoming.Frame name = fromA.expectFrame(WireFrame.Name.class, t.timeouts().event());
        PeerConnection toB = identity == null ? t.dial(p.b().address()) : t.dialMutual(p.b().address(), identity);
        toB.send(name.raw());
        fromA.send(toB.expectFrame(WireFrame.StatusChallenge.class, t.timeouts().event()).raw());
        toB.send(fromA.expectFrame(WireFrame.ChallengeReply.class, t.timeouts().event()).raw());
        return judge(t, p.b(), markB, p.a().name(), toB, fromA, p.a(), markA);
    }

    /** Runs the hijack; true when B reported node_up for {@code victim}. */
    private static boolean hijack(Tester t, Pair p, SSLContext identity, String victim) {
        TesterListener m = identity == null ? t.listen() : t.listenMutual(identity);
        String mallory = t.name("mallory", m.port());
        int markA = p.a().mark();
        int markB = p.b().mark();
        p.a().connect(mallory, m.hostPort());
        PeerConnection fromA = accept(t, m);
        fromA.expectFrame(WireFrame.Name.class, t.timeouts().event());
        PeerConnection toB = identity == null ? t.dial(p.b().address()) : t.dialMutual(p.b().address(), identity);
        toB.send(Frames.name(victim, 13));
        WireFrame.StatusChallenge st = toB.expect(WireFrame.StatusChallenge.class, t.timeouts().event());
        fromA.send(Frames.status(StatusCode.OK, st.challenge(), mallory, 14));
        toB.send(fromA.expectFrame(WireFrame.ChallengeReply.class, t.timeouts().event()).raw());
        return judge(t, p.b(), markB, victim, toB, fromA, p.a(), markA);
    }

    /**
     * B's verdict on the relayed REPLY: an ACK (forwarded to A) and node_up for {@code claimed}
     * mean the attack worked; a close with handshake_failed cookie_mismatch means it failed, and
     * then neither node may report node_up.
     */
    private static boolean judge(Tester t, Iut b, int markB, String claimed, PeerConnection toB, PeerConnection fromA, Iut a, int markA) {
        Incoming next = toB.next(t.timeouts().event());
        if (next instanceof Incoming.Frame f && f.frame() instanceof WireFrame.ChallengeAck) {
            fromA.send(f.raw());
            b.await(markB, "node_up for " + claimed, e -> e.is("node_up") && claimed.equals(e.node()), t.timeouts().event());
            return true;
        }
        if (!(next instanceof Incoming.Closed)) {
            throw new AssertionError("after the relayed CHALLENGE_REPLY, B sent neither CHALLENGE_ACK nor closed: " + next);
        }
        Event f = b.await(markB, "handshake_failed for " + claimed, e -> e.is("handshake_failed") && claimed.equals(e.peer()),
                t.timeouts().event());
        if (!"cookie_mismatch".equals(f.reason())) {
            throw new AssertionError("AUTH-6: B refused the relayed REPLY with reason " + f.reason() + ", not cookie_mismatch");
        }
        b.expectNone(markB, "node_up", e -> e.is("node_up"), Duration.ZERO);
        a.expectNone(markA, "node_up", e -> e.is("node_up"), Duration.ZERO);
        return false;
    }

    private static PeerConnection accept(Tester t, TesterListener l) {
        try {
            return t.closeAtEnd(l.accept(t.timeouts().event()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
