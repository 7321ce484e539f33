package dev.snow.ref.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snow.ref.testing.Docs;
import dev.snow.ref.wire.Bytes32;
import dev.snow.ref.wire.DecodeResult;
import dev.snow.ref.wire.Frame;
import dev.snow.ref.wire.FrameDecoder;
import dev.snow.ref.wire.FrameEncoder;
import dev.snow.ref.wire.VectorFrames;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Both state machines reproduce docs/vectors/handshake.json byte for byte (HS-1..HS-5, AUTH-1, AUTH-6). */
class HandshakeTranscriptTest {
    private static final JsonNode V = Docs.json("vectors/handshake.json");
    private static final JsonNode IN = V.get("inputs");

    private static NodeName name(String role) throws InvalidNameException {
        return NodeName.parse(IN.get(role).get("name").asText());
    }

    private static int creation(String role) {
        return IN.get(role).get("creation").asInt();
    }

    private static Bytes32 challenge(String key) {
        return Bytes32.fromHex(IN.get(key).asText());
    }

    private static Frame decode(String hex) {
        FrameDecoder d = new FrameDecoder();
        d.feed(HexFormat.of().parseHex(hex));
        return ((DecodeResult.Decoded) d.next()).frame();
    }

    @Test
    void goodHandshakeMatchesTheTranscript() throws Exception {
        CookieMac mac = new CookieMac(IN.get("cookie").asText());
        ScriptedPolicy initiatorPolicy = new ScriptedPolicy();
        ScriptedPolicy acceptorPolicy = new ScriptedPolicy();
        Handshake initiator = Handshake.initiator(name("initiator"), creation("initiator"), mac, DigestComparator.CONSTANT_TIME,
                new FixedChallenges(challenge("initiator_challenge")), initiatorPolicy, name("acceptor"));
        Handshake acceptor = Handshake.acceptor(name("acceptor"), creation("acceptor"), mac, DigestComparator.CONSTANT_TIME,
                new FixedChallenges(challenge("acceptor_challenge")), acceptorPolicy);
        JsonNode frames = V.get("frames");

        HandshakeStep s1 = initiator.onTransportReady();
        assertThat(acceptor.onTransportReady().send()).isEmpty();
        HandshakeStep s2 = acceptor.onFrame(decode(frames.get(0).get("hex").asText()));
        HandshakeStep s3 = initiator.onFrame(decode(frames.get(1).get("hex").asText()));
        HandshakeStep s4 = acceptor.onFrame(decode(frames.get(2).get("hex").asText()));
        HandshakeStep s5 = initiator.onFrame(decode(frames.get(3).get("hex").asText()));

        assertThat(hex(s1)).isEqualTo(frames.get(0).get("hex").asText());
        assertThat(hex(s2)).isEqualTo(frames.get(1).get("hex").asText());
        assertThat(hex(s3)).isEqualTo(frames.get(2).get("hex").asText());
        assertThat(hex(s4)).isEqualTo(frames.get(3).get("hex").asText());
        assertThat(s4.outcome()).isEqualTo(HandshakeStep.Outcome.ESTABLISHED);
        assertThat(s5.outcome()).isEqualTo(HandshakeStep.Outcome.ESTABLISHED);
        assertThat(s5.send()).isEmpty();
        assertThat(s5.peer().full()).isEqualTo(IN.get("acceptor").get("name").asText());
        assertThat(s5.peerCreation()).isEqualTo(creation("acceptor"));
        assertThat(s4.peer().full()).isEqualTo(IN.get("initiator").get("name").asText());
        assertThat(((Frame.ChallengeReply) VectorFrames.frame(frames.get(2).get("frame"))).digest().hex())
                .isEqualTo(V.get("reply_digest").asText());
        assertThat(acceptorPolicy.asked).containsExactly(
                "admit alpha@127.0.0.1:9101 7", "register alpha@127.0.0.1:9101 7 incoming");
        assertThat(initiatorPolicy.asked).containsExactly("register beta@127.0.0.1:9102 42 outgoing");
    }

    @Test
    void wrongCookieReplyIsRefusedWithoutAnAck() throws Exception {
        JsonNode wrong = V.get("wrong_cookie");
        ScriptedPolicy policy = new ScriptedPolicy();
        Handshake acceptor = Handshake.acceptor(name("acceptor"), creation("acceptor"),
                new CookieMac(wrong.get("acceptor_cookie").asText()), DigestComparator.CONSTANT_TIME,
                new FixedChallenges(challenge("acceptor_challenge")), policy);
        acceptor.onTransportReady();
        acceptor.onFrame(decode(wrong.get("frames").get(0).get("hex").asText()));

        HandshakeStep step = acceptor.onFrame(decode(wrong.get("frames").get(2).get("hex").asText()));

        assertThat(step.outcome()).isEqualTo(HandshakeStep.Outcome.FAILED);
        assertThat(step.failure()).isEqualTo(FailReason.COOKIE_MISMATCH);
        assertThat(step.send()).isEmpty();
        assertThat(policy.asked).noneMatch(a -> a.startsWith("register"));
    }

    @Test
    void hmacChecks() {
        for (JsonNode c : V.get("hmac_checks")) {
            assertThat(new CookieMac(c.get("cookie").asText()).digest(Bytes32.fromHex(c.get("challenge").asText())).hex())
                    .as("cookie %s", c.get("cookie")).isEqualTo(c.get("digest").asText());
        }
    }

    private static String hex(HandshakeStep step) {
        assertThat(step.send()).hasSize(1);
        return HexFormat.of().formatHex(FrameEncoder.encode(step.send().get(0)));
    }
}
