package dev.snow.conformance.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snow.conformance.DocsFiles;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The tester's own hardened digests (HARD-4) against docs/vectors/hardened.json, byte for byte. */
class HardenedDigestTest {

    @Test
    void inputsAndDigestsMatchTheVector() throws IOException {
        JsonNode v = new ObjectMapper().readTree(DocsFiles.docs().resolve("vectors/hardened.json").toFile());
        HardenedDigest.Channel ch = new HardenedDigest.Channel(Hex.parse(v.get("initiator_certificate_sha256").asText()),
                Hex.parse(v.get("acceptor_certificate_sha256").asText()));
        String ni = v.get("initiator_name").asText();
        String na = v.get("acceptor_name").asText();
        byte[] chA = Hex.parse(v.get("acceptor_challenge").asText());
        byte[] chI = Hex.parse(v.get("initiator_challenge").asText());
        String cookie = v.get("cookie").asText();

        assertThat(Hex.of(HardenedDigest.input(HardenedDigest.ROLE_REPLY, ch, ni, na, chA, chI))).isEqualTo(v.get("reply_input").asText());
        assertThat(Hex.of(HardenedDigest.input(HardenedDigest.ROLE_ACK, ch, ni, na, chA, chI))).isEqualTo(v.get("ack_input").asText());
        assertThat(Hex.of(HardenedDigest.reply(cookie, ch, ni, na, chA, chI))).isEqualTo(v.get("reply_digest").asText());
        assertThat(Hex.of(HardenedDigest.ack(cookie, ch, ni, na, chA, chI))).isEqualTo(v.get("ack_digest").asText());
    }
}
