package dev.snow.conformance.hardened;

import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Event;
import dev.snow.conformance.harness.FreshIut;
import dev.snow.conformance.harness.Handshakes;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.Tester;
import dev.snow.conformance.peer.Frames;
import dev.snow.conformance.peer.HardenedDigest;
import dev.snow.conformance.peer.HardenedDigest.Channel;
import dev.snow.conformance.peer.Hex;
import dev.snow.conformance.peer.MutualTls;
import dev.snow.conformance.peer.PeerConnection;
import dev.snow.conformance.peer.StatusCode;
import dev.snow.conformance.peer.TesterListener;
import dev.snow.conformance.peer.WireFrame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/**
 * A hardened IUT completes handshakes with mutual TLS and digests bound as HARD-4 says, in both
 * roles, checked byte for byte against the suite's own computation; and it refuses a base-profile
 * peer as profile_mismatch in both roles (HARD-7).
 */
@ConformanceTest
@FreshIut(profile = "hardened")
class HardenedHandshakeTest {

    @Test
    @Requirement({"HARD-1", "HARD-2", "HARD-3", "HARD-4", "HARD-6"})
    void theTesterInitiatesWithMutualTlsAndBoundDigests(Iut iut, Tester t) {
        String name = t.name("hard-init");
        PeerConnection c = t.dialMutual(iut.address(), MutualTls.newIdentity());
        WireFrame.StatusChallenge st = Handshakes.sendName(c, iut, name, 7);
        Channel ch = Channel.of(c.tlsSession(), true);
        byte[] own = t.challenge();
        int mark = iut.mark();

        c.send(Frames.reply(HardenedDigest.reply(iut.cookie(), ch, name, iut.name(), st.challenge(), own), own));
        WireFrame.ChallengeAck ack = c.expect(WireFrame.ChallengeAck.class, t.timeouts().event());

        byte[] expected = HardenedDigest.ack(iut.cookie(), ch, name, iut.name(), st.challenge(), own);
        if (!Arrays.equals(expected, ack.digest())) {
            throw new AssertionError("HARD-4: CHALLENGE_ACK digest is " + Hex.of(ack.digest()) + ", expected HMAC over the hardened input "
                    + Hex.of(expected) + " (role 0x02, both certificates' SHA-256, both names, both challenges)");
        }
        iut.await(mark, "node_up for " + name, e -> e.is("node_up") && name.equals(e.node()), t.timeouts().event());
    }

    @Test
    @Requirement({"HARD-2", "HARD-3", "HARD-4"})
    void theIutInitiatesWithMutualTlsAndBoundDigests(Iut iut, Tester t) {
        TesterListener l = t.listenMutual(MutualTls.newIdentity());
        String name = t.name("hard-acc", l.port());
        int mark = iut.mark();
        iut.connect(name, l.hostPort());
        PeerConnection c = accept(t, l);
        WireFrame.Name n = c.expect(WireFrame.Name.class, t.timeouts().event());
        Channel ch = Channel.of(c.tlsSession(), false);
        byte[] chA = t.challenge();

        c.send(Frames.status(StatusCode.OK, chA, name, 9));
        WireFrame.ChallengeReply r = c.expect(WireFrame.ChallengeReply.class, t.timeouts().event());

        byte[] expected = HardenedDigest.reply(iut.cookie(), ch, n.name(), name, chA, r.challenge());
        if (!Arrays.equals(expected, r.digest())) {
            throw new AssertionError("HARD-4: CHALLENGE_REPLY digest is " + Hex.of(r.digest()) + ", expected HMAC over the hardened input "
                    + Hex.of(expected) + " (role 0x01, both certificates' SHA-256, both names, both challenges)");
        }
        c.send(Frames.ack(HardenedDigest.ack(iut.cookie(), ch, n.name(), name, chA, r.challenge())));
        iut.await(mark, "node_up for " + name, e -> e.is("node_up") && name.equals(e.node()), t.timeouts().event());
    }

    @Test
    @Requirement({"HARD-7", "HARD-1"})
    void aBaseInitiatorIsRefusedAsProfileMismatch(Iut iut, Tester t) {
        int mark = iut.mark();
        PeerConnection c = t.dial(iut);

        c.expectClosed(t.timeouts().event(), "HARD-7: a hardened acceptor closes a connection without a client certificate");
        // this connection's event only: on this class's shared IUT a late event of the test before
        // (a cookie_mismatch when a binding mutant refused that test's REPLY) may come after the mark
        Event f = iut.await(mark, "handshake_failed for the base initiator 127.0.0.1:" + c.localPort(),
                e -> e.is("handshake_failed") && Iut.peerIs(e, null, c.localPort()), t.timeouts().event());
        if (!"profile_mismatch".equals(f.reason())) {
            throw new AssertionError("HARD-7: the IUT reported reason " + f.reason() + " for an initiator with no certificate, not profile_mismatch: " + f);
        }
    }

    @Test
    @Requirement({"HARD-7", "HARD-1"})
    void aBaseAcceptorIsRefusedAsProfileMismatch(Iut iut, Tester t) {
        TesterListener l = t.listen();
        String name = t.name("base-acc", l.port());
        int mark = iut.mark();
        iut.connect(name, l.hostPort());
        PeerConnection c = accept(t, l);

        c.expectClosed(t.timeouts().event(), "HARD-7: a hardened initiator whose acceptor asked for no certificate closes before NAME");
        Event f = iut.await(mark, "handshake_failed for " + name, e -> e.is("handshake_failed") && name.equals(e.peer()), t.timeouts().event());
        if (!"profile_mismatch".equals(f.reason())) {
            throw new AssertionError("HARD-7: the IUT reported reason " + f.reason() + " for an acceptor that asked for no certificate, not profile_mismatch: " + f);
        }
    }

    static PeerConnection accept(Tester t, TesterListener l) {
        try {
            return t.closeAtEnd(l.accept(t.timeouts().event()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
