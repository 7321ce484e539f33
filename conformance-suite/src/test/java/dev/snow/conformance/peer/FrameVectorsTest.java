package dev.snow.conformance.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snow.conformance.DocsFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tester's codec against docs/vectors/frames.json: the same bytes the reference node's codec
 * is held to, read by a codec written apart from it.
 */
class FrameVectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode frames() throws IOException {
        return JSON.readTree(DocsFiles.docs().resolve("vectors/frames.json").toFile());
    }

    @Test
    void validVectorsDecodeToTheirFieldsAndEncodeBackByteForByte() throws IOException {
        JsonNode valid = frames().path("valid");
        assertThat(valid.size()).isGreaterThanOrEqualTo(12);
        for (JsonNode v : valid) {
            byte[] hex = Hex.parse(v.path("hex").asText());
            FrameParser p = new FrameParser();
            p.feed(hex);
            ParseResult r = p.next();
            assertThat(r).as(v.path("name").asText()).isInstanceOf(ParseResult.Decoded.class);
            WireFrame decoded = ((ParseResult.Decoded) r).frame();
            assertThat(describeJson(decoded)).as(v.path("name").asText()).isEqualTo(v.path("frame"));
            assertThat(p.pending()).isZero();
            assertThat(Hex.of(Frames.encode(fromJson(v.path("frame"))))).as(v.path("name").asText()).isEqualTo(v.path("hex").asText());
        }
    }

    @Test
    void everyStrictPrefixOfAValidFrameNeedsMoreBytes() throws IOException {
        for (JsonNode v : frames().path("valid")) {
            byte[] hex = Hex.parse(v.path("hex").asText());
            for (int n = 0; n < hex.length; n++) {
                FrameParser p = new FrameParser();
                p.feed(Arrays.copyOf(hex, n));
                assertThat(p.next()).as(v.path("name").asText() + " prefix " + n).isInstanceOf(ParseResult.NeedMore.class);
            }
        }
    }

    @Test
    void theValidStreamDecodesTheSameWhateverTheSplit() throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<JsonNode> expected = new ArrayList<>();
        for (JsonNode v : frames().path("valid")) {
            stream.writeBytes(Hex.parse(v.path("hex").asText()));
            expected.add(v.path("frame"));
        }
        byte[] all = stream.toByteArray();
        for (long seed = 1; seed <= 40; seed++) {
            Random rnd = new Random(seed);
            FrameParser p = new FrameParser();
            List<JsonNode> got = new ArrayList<>();
            for (int at = 0; at < all.length; ) {
                int n = seed == 1 ? 1 : 1 + rnd.nextInt(Math.min(200, all.length - at));
                n = Math.min(n, all.length - at);
                p.feed(all, at, n);
                at += n;
                for (ParseResult r = p.next(); r instanceof ParseResult.Decoded d; r = p.next()) {
                    got.add(describeJson(d.frame()));
                }
            }
            assertThat(got).as("split seed " + seed + " (reproduce: FrameVectorsTest, seed " + seed + ")").isEqualTo(expected);
        }
    }

    @Test
    void invalidVectorsAreRejectedByTheirRuleWithinRejectByBytes() throws IOException {
        JsonNode invalid = frames().path("invalid");
        assertThat(invalid.size()).isGreaterThanOrEqualTo(30);
        for (JsonNode v : invalid) {
            String name = v.path("name").asText();
            byte[] hex = Hex.parse(v.path("hex").asText());
            int rejectBy = v.path("reject_by").asInt();
            FrameParser early = new FrameParser();
            early.feed(Arrays.copyOf(hex, rejectBy));
            ParseResult r = early.next();
            assertThat(r).as(name + " after " + rejectBy + " bytes").isInstanceOf(ParseResult.Violation.class);
            assertThat(((ParseResult.Violation) r).rule()).as(name).isEqualTo(v.path("rule").asText());
            FrameParser whole = new FrameParser();
            whole.feed(hex);
            assertThat(whole.next()).as(name + " whole").isEqualTo(r);
        }
    }

    @Test
    void semanticVectorsDecode() throws IOException {
        for (JsonNode v : frames().path("semantic")) {
            FrameParser p = new FrameParser();
            p.feed(Hex.parse(v.path("hex").asText()));
            ParseResult r = p.next();
            assertThat(r).as(v.path("name").asText()).isInstanceOf(ParseResult.Decoded.class);
            assertThat(describeJson(((ParseResult.Decoded) r).frame())).isEqualTo(v.path("frame"));
        }
    }

    @Test
    void theHandshakeTranscriptDecodesAndItsDigestsAreOurHmac() throws IOException {
        JsonNode hs = JSON.readTree(DocsFiles.docs().resolve("vectors/handshake.json").toFile());
        String cookie = hs.path("inputs").path("cookie").asText();
        byte[] chA = Hex.parse(hs.path("inputs").path("acceptor_challenge").asText());
        byte[] chI = Hex.parse(hs.path("inputs").path("initiator_challenge").asText());
        assertThat(Hex.of(HmacSha256.digest(cookie, chA))).isEqualTo(hs.path("reply_digest").asText());
        assertThat(Hex.of(HmacSha256.digest(cookie, chI))).isEqualTo(hs.path("ack_digest").asText());
        assertThat(Hex.of(HmacSha256.digest(hs.path("wrong_cookie").path("initiator_cookie").asText(), chA)))
                .isEqualTo(hs.path("wrong_cookie").path("reply_digest").asText());
        for (JsonNode f : hs.path("frames")) {
            assertThat(Hex.of(Frames.encode(fromJson(f.path("frame"))))).isEqualTo(f.path("hex").asText());
        }
        for (JsonNode c : hs.path("hmac_checks")) {
            assertThat(Hex.of(HmacSha256.digest(c.path("cookie").asText(), Hex.parse(c.path("challenge").asText()))))
                    .as("cookie " + c.path("cookie_utf8").asText()).isEqualTo(c.path("digest").asText());
        }
    }

    /** The vector files' JSON form of a frame. */
    static JsonNode describeJson(WireFrame f) {
        var n = JSON.createObjectNode().put("type", f.type().name());
        if (f instanceof WireFrame.Name x) {
            n.put("name", x.name()).put("creation", x.creation());
        } else if (f instanceof WireFrame.StatusChallenge x) {
            n.put("status", x.status().wireName()).put("challenge", Hex.of(x.challenge())).put("name", x.name()).put("creation", x.creation());
        } else if (f instanceof WireFrame.ChallengeReply x) {
            n.put("digest", Hex.of(x.digest())).put("challenge", Hex.of(x.challenge()));
        } else if (f instanceof WireFrame.ChallengeAck x) {
            n.put("digest", Hex.of(x.digest()));
        } else if (f instanceof WireFrame.Ping x) {
            n.put("payload", Hex.of(x.payload()));
        } else if (f instanceof WireFrame.Pong x) {
            n.put("payload", Hex.of(x.payload()));
        }
        return n;
    }

    static WireFrame fromJson(JsonNode j) {
        switch (j.path("type").asText()) {
            case "NAME":
                return new WireFrame.Name(j.path("name").asText(), j.path("creation").asInt());
            case "STATUS_CHALLENGE":
                return new WireFrame.StatusChallenge(StatusCode.valueOf(j.path("status").asText().toUpperCase(java.util.Locale.ROOT)),
                        Hex.parse(j.path("challenge").asText()), j.path("name").asText(), j.path("creation").asInt());
            case "CHALLENGE_REPLY":
                return new WireFrame.ChallengeReply(Hex.parse(j.path("digest").asText()), Hex.parse(j.path("challenge").asText()));
            case "CHALLENGE_ACK":
                return new WireFrame.ChallengeAck(Hex.parse(j.path("digest").asText()));
            case "PING":
                return new WireFrame.Ping(Hex.parse(j.path("payload").asText()));
            case "PONG":
                return new WireFrame.Pong(Hex.parse(j.path("payload").asText()));
            default:
                throw new IllegalArgumentException("unknown frame type in vectors: " + j);
        }
    }
}
