package dev.snow.conformance.names;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Handshakes;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.NodeOptions;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.Tester;
import dev.snow.conformance.peer.PeerConnection;
import dev.snow.conformance.peer.TesterListener;
import dev.snow.conformance.peer.Transport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A name without a port means port 9000, for listening and for dialling. Both tests need port
 * 9000 of 127.0.0.1; where it is taken they are skipped (the environment, not the IUT).
 */
@ConformanceTest
class DefaultPortTest {

    /** Started with nothing but name and cookie: it listens on 9000 and picks its own creation (ID-6). */
    @Test
    @Requirement({"NAME-3", "ID-6"})
    void aNodeStartedWithDefaultsListensOn9000AndPicksACreation(Tester t) {
        assumePort9000Free();
        NodeOptions o = NodeOptions.of("p9000-" + t.run().nextSerial() + "@127.0.0.1", t.run().cookie()).withoutListenAddress();
        try (Iut iut = dev.snow.conformance.harness.Iut.start(t.run().implementation(), "port-9000", o)) {
            t.attachIut(iut);
            assertThat(iut.port()).as("NAME-3: the port a node named without a port listens on").isEqualTo(9000);
            assertThat(iut.creation()).as("ID-6: a default creation is 1..255").isBetween(1, 255);
            Handshakes.initiate(t, iut, t.name("to-9000"), 3);
        }
    }

    @Test
    @Requirement({"NAME-3", "NAME-4"})
    void dialingANameWithoutAPortGoesTo9000(Iut iut, Tester t) {
        assumePort9000Free();
        TesterListener l = t.listen(9000, Transport.TLS13);
        String name = t.name("at-9000");
        assertThat(name).doesNotContain(":");
        iut.connect(name, null);
        PeerConnection c;
        try {
            c = Handshakes.acceptConnection(t, l);
        } catch (AssertionError | java.io.UncheckedIOException e) {
            throw new AssertionError("NAME-3: dialling \"" + name + "\" (no port) must reach 127.0.0.1:9000: " + e.getMessage(), e);
        }
        Handshakes.finishAsAcceptor(t, iut, c, name, 3, dev.snow.conformance.peer.StatusCode.OK, Handshakes.expectName(c, iut));
    }

    private static void assumePort9000Free() {
        try (ServerSocket s = new ServerSocket(9000, 1, InetAddress.getByName("127.0.0.1"))) {
            s.setReuseAddress(true);
        } catch (IOException e) {
            Assumptions.abort("port 9000 of 127.0.0.1 is in use on this machine, so NAME-3 cannot be checked here: " + e.getMessage());
        }
    }
}
