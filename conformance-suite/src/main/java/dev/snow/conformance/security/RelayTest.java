package dev.snow.conformance.security;

import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Event;
import dev.snow.conformance.harness.Handshakes;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.Tester;
import dev.snow.conformance.peer.Frames;
import dev.snow.conformance.peer.HmacSha256;
import dev.snow.conformance.peer.Incoming;
import dev.snow.conformance.peer.PeerConnection;
import dev.snow.conformance.peer.StatusCode;
import dev.snow.conformance.peer.TesterListener;
import dev.snow.conformance.peer.WireFrame;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/**
 * SEC-1: the digests are bound to neither the TLS channel nor the names or roles. The tester
 * plays a man-in-the-middle M that does not know the cookie. Informational: a conforming
 * implementation is expected to be relayable; the finding is reported, never failed. (The
 * self-reflection variant, with no honest node, is AUTH-8: digests.CrossConnectionReflectionTest.)
 */
@ConformanceTest
class RelayTest {

    /**
     * The IUT dials an honest node H (the tester's own, knowing the cookie) but reaches M, which
     * terminates TLS on both sides and forwards the four frames in clear.
     */
    @Test
    @Requirement({"SEC-1"})
    void aHandshakeRelayedBetweenTheIutAndAnHonestNode(Iut iut, Tester t) {
        TesterListener honestListener = t.listen();
        TesterListener mitmListener = t.listen();
        String honest = t.name("honest", honestListener.port());
        int mark = iut.mark();
        iut.connect(honest, mitmListener.hostPort());
        PeerConnection iutSide = Handshakes.acceptConnection(t, mitmListener);
        Incoming.Frame name = iutSide.expectFrame(WireFrame.Name.class, t.timeouts().event());
        java.util.concurrent.CompletableFuture<PeerConnection> honestAccepts =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> accept(t, honestListener));
        PeerConnection honestSide = t.dial(new java.net.InetSocketAddress("127.0.0.1", honestListener.port()));
        PeerConnection h = honestAccepts.join();
        honestSide.send(name.raw());

        h.expect(WireFrame.Name.class, t.timeouts().event());
        byte[] chH = t.challenge();
        h.send(Frames.status(StatusCode.OK, chH, honest, 7));
        iutSide.send(honestSide.expectFrame(WireFrame.StatusChallenge.class, t.timeouts().event()).raw());
        Incoming.Frame reply = iutSide.expectFrame(WireFrame.ChallengeReply.class, t.timeouts().event());
        honestSide.send(reply.raw());
        WireFrame.ChallengeReply r = h.expect(WireFrame.ChallengeReply.class, t.timeouts().event());
        Handshakes.checkDigest("the honest node's check of the relayed REPLY", iut.cookie(), chH, r.digest());
        h.send(Frames.ack(HmacSha256.digest(iut.cookie(), r.challenge())));
        iutSide.send(honestSide.expectFrame(WireFrame.ChallengeAck.class, t.timeouts().event()).raw());
        Event up = iut.await(mark, "node_up for the relayed " + honest, e -> e.is("node_up") && honest.equals(e.node()), t.timeouts().event());

        byte[] injected = t.randomBytes(8);
        iutSide.send(Frames.ping(injected));
        iutSide.expect(WireFrame.Pong.class, t.timeouts().event());
        t.informational("relayed: the IUT reported node_up for " + honest + " (node_id " + up.nodeId() + ") over a TLS connection that"
                + " ended at a man-in-the-middle without the cookie, which read all four handshake frames in clear and then"
                + " injected a PING the IUT answered (SEC-1: digests are not bound to the TLS channel)");
    }

    private static PeerConnection accept(Tester t, TesterListener l) {
        try {
            return t.closeAtEnd(l.accept(t.timeouts().event()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
