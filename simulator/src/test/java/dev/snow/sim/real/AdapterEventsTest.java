package dev.snow.sim.real;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snow.sim.check.Observation;
import org.junit.jupiter.api.Test;

/** Adapter event lines as the observations the expectation checks judge. */
class AdapterEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode line(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void nodeUpAndNodeDownBecomeUpAndDown() throws Exception {
        Observation up = AdapterEvents.observation(7, "a@sim",
                line("{\"event\":\"node_up\",\"node\":\"b@sim\",\"node_id\":3,\"creation\":9,\"direction\":\"outgoing\"}"));
        assertThat(up).isEqualTo(new Observation.Up(7, "a@sim", "b@sim", 3, 9, "outgoing"));
        assertThat(AdapterEvents.lost(up)).isFalse();

        Observation down = AdapterEvents.observation(8, "a@sim",
                line("{\"event\":\"node_down\",\"node\":\"b@sim\",\"node_id\":3,\"reason\":\"closed\"}"));
        assertThat(down).isEqualTo(new Observation.Down(8, "a@sim", "b@sim", 3, "closed"));
        assertThat(AdapterEvents.lost(down)).isTrue();
        assertThat(AdapterEvents.peer(down)).isEqualTo("b@sim");
    }

    @Test
    void aHandshakeFailureWithAnAddressForPeerIsUnnamedAndOnlyAnOutgoingOneIsALoss() throws Exception {
        Observation in = AdapterEvents.observation(1, "b@sim",
                line("{\"event\":\"handshake_failed\",\"peer\":\"127.0.0.1:4000\",\"direction\":\"incoming\",\"reason\":\"timeout\"}"));
        assertThat(in).isEqualTo(new Observation.Failed(1, "b@sim", null, "incoming", "timeout"));
        assertThat(AdapterEvents.lost(in)).isFalse();
        Observation out = AdapterEvents.observation(1, "a@sim",
                line("{\"event\":\"handshake_failed\",\"peer\":\"b@sim\",\"direction\":\"outgoing\",\"reason\":\"io\"}"));
        assertThat(AdapterEvents.lost(out)).isTrue();
        assertThat(AdapterEvents.peer(out)).isEqualTo("b@sim");
    }

    @Test
    void otherLinesAreNoObservationAndTheTimelineFieldsRenameNode() throws Exception {
        JsonNode log = line("{\"event\":\"log\",\"node\":\"b@sim\",\"detail\":\"x\"}");
        assertThat(AdapterEvents.observation(1, "a@sim", log)).isNull();
        assertThat(AdapterEvents.lost(null)).isFalse();
        assertThat(AdapterEvents.fields(log)).containsOnlyKeys("peer", "detail");
    }
}
