package dev.snow.conformance.names;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Names the IUT must accept as peers (unusual but valid), names its {@code connect} must refuse,
 * and names compared as exact bytes. The refusals of invalid names in NAME are in the
 * malformation table (semantic vectors).
 */
@ConformanceTest
class NameRulesTest {

    @Test
    @Requirement({"NAME-1", "NAME-2"})
    void unusualValidNamesAreAccepted(Iut iut, Tester t) {
        int n = t.run().nextSerial();
        String longName = "x".repeat(255 - ("@127.0.0.1:9").length()) + "@127.0.0.1:9";
        for (String name : List.of("A_b-9-" + n + "@host.example", "v6-" + n + "@[::1]:9101", "v6b-" + n + "@[fe80::1]",
                "u-" + n + "@hôst", "p-" + n + "@h:65535", longName)) {
            Handshakes.Session s = Handshakes.initiate(t, iut, name, 3);
            s.conn().close();
            iut.awaitNodeDown(name);
        }
    }

    @Test
    @Requirement({"NAME-1", "NAME-2", "NAME-6"})
    void connectRefusesInvalidNamesAndItsOwnName(Iut iut, Tester t) {
        int mark = iut.mark();
        List<String> invalid = List.of("alpha", "al.pha@h", "@h", "alpha@", "a@b@c", "alpha@fe80::1", "a@h:0", "a@h:65536",
                "a@h:09101");
        for (String bad : invalid) {
            assertThat(refusal(iut, bad, "127.0.0.1:1", "NAME-1")).as("NAME-1: connect to \"" + bad + "\"").isEqualTo("invalid_name");
        }
        String tooLong = "a@" + "h".repeat(254);
        assertThat(refusal(iut, tooLong, "127.0.0.1:1", "NAME-2")).as("NAME-2: connect to a name of 256 bytes").isEqualTo("invalid_name");
        assertThat(refusal(iut, iut.name(), iut.address().getHostString() + ":" + iut.port(), "NAME-6"))
                .as("NAME-6: connect to its own name").isEqualTo("self");
        // only events about the names refused count: a session of an earlier test may still end meanwhile
        java.util.Set<String> refused = new java.util.HashSet<>(invalid);
        refused.add(tooLong);
        refused.add(iut.name());
        iut.expectNone(mark, "an event for a refused connect", e -> refused.contains(e.node()) || refused.contains(e.peer()),
                Duration.ofMillis(200));
    }

    /** The error code of a connect the IUT must refuse; an accepted connect fails as {@code rule}. */
    private static String refusal(Iut iut, String name, String hostPort, String rule) {
        try {
            return iut.connectRefused(name, hostPort);
        } catch (AssertionError e) {
            throw new AssertionError(rule + ": " + e.getMessage(), e);
        }
    }

    @Test
    @Requirement({"NAME-4", "NAME-7"})
    void theAcceptorsNameMustBeTheDialledNameByteForByte(Iut iut, Tester t) {
        TesterListener l = t.listen();
        String dialled = t.name("exact");
        for (String answer : List.of(dialled + ":9000", dialled.toUpperCase(java.util.Locale.ROOT), dialled.replace("127.0.0.1", "localhost"))) {
            iut.connect(dialled, l.hostPort());
            PeerConnection c = Handshakes.acceptConnection(t, l);
            Handshakes.expectName(c, iut);
            c.send(Frames.status(StatusCode.OK, t.challenge(), answer, 3));
            Outcomes.closedSilently(c, iut, dialled, "protocol_error", "NAME-4 (then NAME-7): answered as \"" + answer + "\"");
        }
    }
}
