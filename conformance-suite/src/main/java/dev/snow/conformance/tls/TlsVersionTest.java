package dev.snow.conformance.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Event;
import dev.snow.conformance.harness.Handshakes;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.Outcomes;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.Tester;
import dev.snow.conformance.peer.Frames;
import dev.snow.conformance.peer.Incoming;
import dev.snow.conformance.peer.PeerConnection;
import dev.snow.conformance.peer.TesterListener;
import dev.snow.conformance.peer.Transport;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TLS 1.3 succeeds in both roles; a TLS 1.2-only or plaintext peer fails, in both roles, with reason tls. */
@ConformanceTest
class TlsVersionTest {

    @Test
    @Requirement({"TLS-1"})
    void bothRolesNegotiateTls13(Iut iut, Tester t) {
        assertThat(Handshakes.initiate(t, iut, t.name("tls13-in"), 3).conn().tlsSession().getProtocol()).isEqualTo("TLSv1.3");
        assertThat(Handshakes.accept(t, iut, "tls13-out").conn().tlsSession().getProtocol()).isEqualTo("TLSv1.3");
    }

    @Test
    @Requirement({"TLS-1"})
    void aTls12OnlyClientIsRefused(Iut iut, Tester t) {
        int mark = iut.mark();
        try {
            PeerConnection c = t.tryDial(iut, Transport.TLS12_ONLY);
            c.send(Frames.name(t.name("tls12"), 3));
            throw new AssertionError("TLS-1: the IUT completed a TLS 1.2 handshake (" + c.tlsSession().getProtocol() + ")");
        } catch (IOException expected) {
            t.transcript().note("--", "TLS 1.2 refused as it must be: " + expected);
        }
        Event e = iut.await(mark, "handshake_failed for the TLS 1.2 client", x -> x.is("handshake_failed") && "incoming".equals(x.direction()),
                t.timeouts().event());
        assertThat(e.reason()).as("TLS-1: reason for a failed TLS handshake").isEqualTo("tls");
    }

    @Test
    @Requirement({"TLS-1"})
    void aPlaintextClientIsRefused(Iut iut, Tester t) {
        PeerConnection c = t.dial(iut, Transport.PLAINTEXT);
        c.send(Frames.name(t.name("plaintext"), 3));
        List<Incoming> seen = c.drainUntilClosed(t.timeouts().close(), "TLS-1: a plaintext peer fails the connection");
        for (Incoming i : seen) {
            if (i instanceof Incoming.Frame f) {
                throw new AssertionError("TLS-1: the IUT answered a plaintext peer with a frame: " + f.frame().describe());
            }
        }
        Outcomes.failedWith(iut, null, c.localPort(), "tls", "TLS-1");
    }

    @Test
    @Requirement({"TLS-1"})
    void anAttemptToATls12OnlyListenerFails(Iut iut, Tester t) {
        TesterListener l = t.listen(Transport.TLS12_ONLY);
        String name = t.name("tls12-listener", l.port());
        iut.connect(name, l.hostPort());
        try {
            l.accept(t.timeouts().event()).close();
            throw new AssertionError("TLS-1: the IUT completed TLS with a TLS 1.2-only listener");
        } catch (IOException expected) {
            t.transcript().note("--", "TLS 1.2 refused as it must be: " + expected);
        }
        Outcomes.failedWith(iut, name, 0, "tls", "TLS-1");
    }

    @Test
    @Requirement({"TLS-1"})
    void anAttemptToAPlaintextListenerFails(Iut iut, Tester t) {
        TesterListener l = t.listen(Transport.PLAINTEXT);
        String name = t.name("plain-listener", l.port());
        int mark = iut.mark();
        iut.connect(name, l.hostPort());
        PeerConnection c = Handshakes.acceptConnection(t, l);
        Incoming first = c.next(t.timeouts().event());
        assertThat(first).as("TLS-1: the IUT starts with a TLS ClientHello, which is no Snow frame").isNotInstanceOf(Incoming.Frame.class);
        c.trySend(Frames.status(dev.snow.conformance.peer.StatusCode.OK, t.challenge(), name, 3));
        Outcomes.failedWith(iut, name, 0, "tls", "TLS-1");
        iut.expectNone(mark, "node_up with a plaintext listener", e -> e.is("node_up") && name.equals(e.node()), Duration.ofMillis(50));
    }
}
