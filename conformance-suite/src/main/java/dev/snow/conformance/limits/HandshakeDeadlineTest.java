package dev.snow.conformance.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.FreshIut;
import dev.snow.conformance.harness.Handshakes;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.Outcomes;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.Tester;
import dev.snow.conformance.peer.Incoming;
import dev.snow.conformance.peer.PeerConnection;
import dev.snow.conformance.peer.TesterListener;
import dev.snow.conformance.peer.Transport;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * handshake_timeout = {@value #TIMEOUT} ms, TLS included, in both roles: peers that stall at
 * every step are closed at the deadline (never before it) with handshake_failed timeout.
 */
@ConformanceTest
@FreshIut(handshakeTimeoutMs = HandshakeDeadlineTest.TIMEOUT)
class HandshakeDeadlineTest {
    static final int TIMEOUT = 1000;
    static final int EARLY = 100;
    static final int LATE = 1500;

    @Test
    @Requirement({"LIM-1"})
    void stalledIncomingConnectionsAreClosedAtTheDeadline(Iut iut, Tester t) {
        Map<String, PeerConnection> stalls = new LinkedHashMap<>();
        Map<String, Long> opened = new LinkedHashMap<>();
        opened.put("before TLS", System.nanoTime());
        stalls.put("before TLS", t.dial(iut, Transport.PLAINTEXT));
        opened.put("mid TLS", System.nanoTime());
        PeerConnection midTls = t.dial(iut, Transport.PLAINTEXT);
        midTls.send(new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 0xc8, 0x01});
        stalls.put("mid TLS", midTls);
        opened.put("before NAME", System.nanoTime());
        stalls.put("before NAME", t.dial(iut));
        opened.put("after STATUS", System.nanoTime());
        PeerConnection afterStatus = t.dial(iut);
        String name = t.name("stall-after-status");
        Handshakes.sendName(afterStatus, iut, name, 3);
        stalls.put("after STATUS", afterStatus);
        for (Map.Entry<String, PeerConnection> e : stalls.entrySet()) {
            List<Incoming> seen = e.getValue().drainUntilClosed(Duration.ofMillis(TIMEOUT + LATE + 1000), "LIM-1 (" + e.getKey() + ")");
            long ms = (seen.get(seen.size() - 1).atNanos() - opened.get(e.getKey())) / 1_000_000;
            t.note("LIM-1: stalled " + e.getKey() + " closed after " + ms + " ms (handshake_timeout " + TIMEOUT + " ms)");
            assertThat(ms).as("LIM-1: a peer stalled " + e.getKey() + " is closed at handshake_timeout").isBetween((long) TIMEOUT - EARLY, (long) TIMEOUT + LATE);
            if (!e.getKey().contains("TLS")) {
                assertThat(seen).as("LIM-1: nothing sent to a peer stalled " + e.getKey()).hasSize(1);
            }
            Outcomes.failedWith(iut, e.getKey().equals("after STATUS") ? name : null, e.getValue().localPort(), "timeout", "LIM-1");
        }
    }

    @Test
    @Requirement({"LIM-1"})
    void anAttemptToAStalledAcceptorIsAbandonedAtTheDeadline(Iut iut, Tester t) {
        TesterListener plain = t.listen(Transport.PLAINTEXT);
        String silentTls = t.name("stall-tls", plain.port());
        long t0 = System.nanoTime();
        iut.connect(silentTls, plain.hostPort());
        PeerConnection c = Handshakes.acceptConnection(t, plain);
        List<Incoming> seen = c.drainUntilClosed(Duration.ofMillis(TIMEOUT + LATE + 1000), "LIM-1 (acceptor silent in TLS)");
        long ms = (seen.get(seen.size() - 1).atNanos() - t0) / 1_000_000;
        assertThat(ms).as("LIM-1: an attempt stalled in TLS is abandoned at handshake_timeout").isBetween((long) TIMEOUT - EARLY, (long) TIMEOUT + LATE);
        Outcomes.failedWith(iut, silentTls, 0, "timeout", "LIM-1");

        TesterListener l = t.listen();
        String silentStatus = t.name("stall-status", l.port());
        long t1 = System.nanoTime();
        iut.connect(silentStatus, l.hostPort());
        PeerConnection d = Handshakes.acceptConnection(t, l);
        Handshakes.expectName(d, iut);
        Incoming.Closed closed = d.expectClosed(Duration.ofMillis(TIMEOUT + LATE + 1000), "LIM-1 (acceptor silent after NAME)");
        long ms2 = (closed.atNanos() - t1) / 1_000_000;
        t.note("LIM-1: attempts abandoned after " + ms + " ms (stalled in TLS) and " + ms2 + " ms (no STATUS_CHALLENGE)");
        assertThat(ms2).as("LIM-1: an attempt without STATUS_CHALLENGE is abandoned at handshake_timeout").isBetween((long) TIMEOUT - EARLY, (long) TIMEOUT + LATE);
        Outcomes.failedWith(iut, silentStatus, 0, "timeout", "LIM-1");
        assertThat(d.isClosed()).isTrue();
    }
}
