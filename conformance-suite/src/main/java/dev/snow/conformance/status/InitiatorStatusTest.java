package dev.snow.conformance.status;

import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Handshakes;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.Outcomes;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.Tester;
import dev.snow.conformance.peer.Frames;
import dev.snow.conformance.peer.PeerConnection;
import dev.snow.conformance.peer.StatusCode;
import dev.snow.conformance.peer.TesterListener;
import org.junit.jupiter.api.Test;

/**
 * nok and not_allowed make the initiator give up with the matching reason, sending nothing
 * further; unknown status codes (5..255) are in the malformation table.
 */
@ConformanceTest
class InitiatorStatusTest {

    @Test
    @Requirement({"STATUS-5", "STATUS-1", "STATUS-3"})
    void nokEndsTheAttempt(Iut iut, Tester t) {
        refused(iut, t, StatusCode.NOK, "nok");
    }

    @Test
    @Requirement({"STATUS-5", "STATUS-1", "STATUS-3"})
    void notAllowedEndsTheAttempt(Iut iut, Tester t) {
        refused(iut, t, StatusCode.NOT_ALLOWED, "not_allowed");
    }

    private static void refused(Iut iut, Tester t, StatusCode status, String reason) {
        TesterListener l = t.listen();
        String name = t.name("says-" + status.wireName().replace('_', '-'), l.port());
        iut.connect(name, l.hostPort());
        PeerConnection c = Handshakes.acceptConnection(t, l);
        Handshakes.expectName(c, iut);
        c.send(Frames.status(status, new byte[0], name, 3));
        Outcomes.closedSilently(c, iut, name, reason, "STATUS-5: the initiator closes after " + status.wireName());
        Handshakes.accept(t, iut, "after-" + status.wireName().replace('_', '-'));
    }
}
