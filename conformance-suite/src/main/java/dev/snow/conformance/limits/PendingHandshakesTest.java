package dev.snow.conformance.limits;

import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.FreshIut;
import dev.snow.conformance.harness.Handshakes;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.Outcomes;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.Tester;
import dev.snow.conformance.peer.PeerConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** max_pending_handshakes = 4: a fifth unauthenticated connection evicts the oldest, which is closed silently. */
@ConformanceTest
@FreshIut(maxPendingHandshakes = 4, handshakeTimeoutMs = 30000)
class PendingHandshakesTest {

    @Test
    @Requirement({"LIM-2", "LIM-3"})
    void theOldestPendingConnectionIsEvictedAtTheLimit(Iut iut, Tester t) {
        List<PeerConnection> pending = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pending.add(t.dial(iut));
        }
        String mid = t.name("pending-mid");
        Handshakes.sendName(pending.get(1), iut, mid, 3);
        for (PeerConnection c : pending) {
            c.expectSilence(Duration.ofMillis(50), "LIM-2: four pending connections are within the limit");
        }
        PeerConnection fifth = t.dial(iut);
        Outcomes.closedSilently(pending.get(0), iut, null, "not_allowed", "LIM-2: the oldest pending connection is evicted");
        pending.get(2).expectSilence(Duration.ofMillis(50), "LIM-2: only the oldest is evicted");
        PeerConnection sixth = t.dial(iut);
        Outcomes.closedSilently(pending.get(1), iut, mid, "not_allowed", "LIM-2: the oldest, mid-handshake, is evicted");
        Handshakes.Session good = Handshakes.initiate(t, iut, t.name("good-after-eviction"), 3);
        Outcomes.closedSilently(pending.get(2), iut, null, "not_allowed", "LIM-2: the good peer's connection evicted the oldest");
        good.conn().expectSilence(Duration.ofMillis(50), "LIM-3: the good peer got through");
        fifth.expectSilence(Duration.ofMillis(10), "LIM-2");
        sixth.expectSilence(Duration.ofMillis(10), "LIM-2");
    }
}
