package dev.snow.conformance.sanity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snow.conformance.harness.AdapterContract;
import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Handshakes;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.Tester;
import dev.snow.conformance.peer.Frames;
import dev.snow.conformance.peer.WireFrame;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Runs before every other class: the adapter speaks the contract and the IUT does one plain handshake. */
@ConformanceTest
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SanityFirstTest {

    /** docs/ADAPTER.md: a command the adapter does not know is answered with error code unsupported. */
    @Test
    @Order(1)
    @AdapterContract
    void adapterAnswersUnsupportedToAnUnknownCommand(Iut iut) {
        JsonNode reply = iut.unknownCommand();
        assertThat(reply.path("reply").asText()).as("reply of an unknown command").isEqualTo("error");
        assertThat(reply.path("ok").asBoolean(true)).isFalse();
        assertThat(reply.path("code").asText()).as("docs/ADAPTER.md: code of an unknown command").isEqualTo("unsupported");
    }

    @Test
    @Order(2)
    @Requirement({"HS-1", "HS-2", "HS-3", "HS-4", "HS-8", "TLS-1"})
    void sanityHandshakeFirst(Iut iut, Tester t) {
        Handshakes.Session s = Handshakes.initiate(t, iut, t.name("sanity-first"), 5);
        assertThat(s.conn().tlsSession().getProtocol()).isEqualTo("TLSv1.3");
        s.conn().send(Frames.ping(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        assertThat(s.conn().expect(WireFrame.Pong.class, t.timeouts().event()).payload()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }
}
