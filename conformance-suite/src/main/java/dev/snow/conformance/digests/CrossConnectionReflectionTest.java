package dev.snow.conformance.digests;

import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Handshakes;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.Tester;
import dev.snow.conformance.peer.Frames;
import dev.snow.conformance.peer.Incoming;
import dev.snow.conformance.peer.PeerConnection;
import dev.snow.conformance.peer.StatusCode;
import dev.snow.conformance.peer.TesterListener;
import dev.snow.conformance.peer.WireFrame;
import org.junit.jupiter.api.Test;

/**
 * AUTH-8 (SHOULD): reflection across two connections of one node. The IUT dials the tester M
 * (no cookie); M dials the IUT back under the name the IUT dialled and hands the IUT's own
 * acceptor challenge to its initiator side. A node that keeps its outstanding challenges
 * refuses it there (or refuses the relayed REPLY on the acceptor side); one that does not ends
 * up with a session with a peer that never had the cookie (the self-reflection of SEC-1).
 */
@ConformanceTest
class CrossConnectionReflectionTest {

    @Test
    @Requirement({"AUTH-8"})
    void theIutsOwnAcceptorChallengeHandedToItsInitiatorSideIsRefused(Iut iut, Tester t) {
        TesterListener mitmListener = t.listen();
        String claimed = t.name("a-reflect", mitmListener.port());
        int mark = iut.mark();
        iut.connect(claimed, mitmListener.hostPort());
        PeerConnection outward = Handshakes.acceptConnection(t, mitmListener);
        Handshakes.expectName(outward, iut);
        PeerConnection inward = t.dial(iut);
        WireFrame.StatusChallenge st = Handshakes.sendName(inward, iut, claimed, 5);

        outward.send(Frames.status(StatusCode.OK, st.challenge(), claimed, 5));
        Incoming answer = outward.next(t.timeouts().event());

        if (answer instanceof Incoming.Frame f && f.frame() instanceof WireFrame.ChallengeReply) {
            // The initiator side answered its own acceptor's challenge; the acceptor side may still refuse.
            inward.send(f.raw());
            inward.expectClosed(t.timeouts().close(), "AUTH-8: the IUT answered its own acceptor challenge on its"
                    + " initiator side, and its acceptor side accepted the relayed CHALLENGE_REPLY");
        } else if (!(answer instanceof Incoming.Closed closed && closed.byPeer())) {
            throw new AssertionError("AUTH-8: after a STATUS_CHALLENGE carrying the IUT's own acceptor challenge the IUT"
                    + " had to close its outgoing connection, but " + (answer == null ? "it did nothing" : "it sent " + answer));
        }
        iut.expectNone(mark, "node_up for the reflecting " + claimed,
                e -> e.is("node_up") && claimed.equals(e.node()), t.timeouts().scaled(500));
    }
}
