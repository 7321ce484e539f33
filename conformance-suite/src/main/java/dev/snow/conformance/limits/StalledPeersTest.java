package dev.snow.conformance.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Handshakes;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.Tester;
import dev.snow.conformance.peer.PeerConnection;
import dev.snow.conformance.peer.Transport;
import org.junit.jupiter.api.Test;

/**
 * Stalled peers (silent before TLS, stuck mid TLS record, silent after TLS), fewer than the
 * default max_pending_handshakes, do not stop a good peer: accepting never waits on them.
 */
@ConformanceTest
class StalledPeersTest {
    static final int EACH = 10;

    @Test
    @Requirement({"LIM-3"})
    void aGoodPeerConnectsWhileOthersStall(Iut iut, Tester t) {
        try {
            connectAmongStalls(iut, t);
        } catch (AssertionError | java.io.UncheckedIOException e) {
            throw new AssertionError("LIM-3: while " + 3 * EACH + " peers stalled (in TLS or before NAME), a good peer"
                    + " could not connect: " + e.getMessage(), e);
        }
    }

    private static void connectAmongStalls(Iut iut, Tester t) {
        for (int i = 0; i < EACH; i++) {
            t.dial(iut, Transport.PLAINTEXT);
            PeerConnection midTls = t.dial(iut, Transport.PLAINTEXT);
            midTls.send(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00});
            t.dial(iut);
        }
        long t0 = System.nanoTime();
        Handshakes.Session s = Handshakes.initiate(t, iut, t.name("good-among-stalls"), 3);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        t.note("LIM-3: a good handshake took " + ms + " ms among " + 3 * EACH + " stalled connections");
        assertThat(s.nodeUp().direction()).isEqualTo("incoming");
        Handshakes.accept(t, iut, "good-out-among-stalls");
    }
}
