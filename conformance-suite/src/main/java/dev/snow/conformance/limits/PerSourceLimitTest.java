package dev.snow.conformance.limits;

import static org.assertj.core.api.Assumptions.assumeThat;

import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Event;
import dev.snow.conformance.harness.FreshIut;
import dev.snow.conformance.harness.Handshakes;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.Tester;
import dev.snow.conformance.peer.PeerConnection;
import dev.snow.conformance.peer.WireFrame;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LIM-5 (SHOULD): plain TCP connects from another source address (127.0.0.2), more than
 * max_pending_handshakes of them, arrive while the tester's handshake from 127.0.0.1 is pending.
 * Under LIM-2 alone the tester's connection is the oldest and is evicted; with per-source
 * accounting only the flooding source loses connections and the handshake completes.
 */
@ConformanceTest
@FreshIut(maxPendingHandshakes = 8, handshakeTimeoutMs = 30000)
class PerSourceLimitTest {
    static final String FLOOD_SOURCE = "127.0.0.2";
    static final int FLOOD = 24;

    @Test
    @Requirement({"LIM-5"})
    void aFloodFromAnotherSourceDoesNotEvictAPendingHandshake(Iut iut, Tester t) throws IOException {
        assumeThat(iut.address().getAddress().isLoopbackAddress() && iut.address().getAddress().getAddress().length == 4)
                .as("LIM-5 needs a second loopback source address: the IUT must listen on IPv4 loopback, not "
                        + iut.address()).isTrue();
        PeerConnection good = t.dial(iut);
        int mark = iut.mark();
        List<Socket> flood = new ArrayList<>();
        try {
            for (int i = 0; i < FLOOD; i++) {
                Socket s = new Socket();
                flood.add(s);
                s.bind(new InetSocketAddress(FLOOD_SOURCE, 0));
                s.connect(iut.address(), (int) iut.timeouts().event().toMillis());
            }
            int evictions = FLOOD + 1 - 8; // LIM-2: at least this many pending connections must go
            int next = mark;
            for (int seen = 0; seen < evictions; seen++) {
                Event e = iut.events().await(next, x -> x.is("handshake_failed") && "not_allowed".equals(x.reason()),
                        iut.timeouts().event());
                if (e == null) {
                    throw new AssertionError("LIM-2: only " + seen + " of " + FLOOD + " flood connections (plus ours) over"
                            + " max_pending_handshakes 8 were evicted");
                }
                next = e.index() + 1;
            }
            String name = t.name("good-amid-flood");
            WireFrame.StatusChallenge st = Handshakes.sendName(good, iut, name, 3);
            Handshakes.finishAsInitiator(t, iut, good, name, 3, st);
            good.expectSilence(Duration.ofMillis(50), "LIM-5: the pending handshake from 127.0.0.1 survived "
                    + FLOOD + " connects from " + FLOOD_SOURCE);
        } finally {
            for (Socket s : flood) {
                s.close();
            }
        }
    }
}
