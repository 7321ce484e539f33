package dev.snow.ref.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;

/** Turns the "frame" objects of docs/vectors into {@link Frame}s. */
public final class VectorFrames {
    private VectorFrames() {
    }

    public static Frame frame(JsonNode f) {
        String type = f.get("type").asText();
        switch (type) {
            case "NAME":
                return new Frame.Name(f.get("name").asText(), f.get("creation").asInt());
            case "STATUS_CHALLENGE": {
                Status status = Status.fromWireName(f.get("status").asText());
                String ch = f.get("challenge").asText();
                return new Frame.StatusChallenge(status, ch.isEmpty() ? null : Bytes32.fromHex(ch),
                        f.get("name").asText(), f.get("creation").asInt());
            }
            case "CHALLENGE_REPLY":
                return new Frame.ChallengeReply(Bytes32.fromHex(f.get("digest").asText()), Bytes32.fromHex(f.get("challenge").asText()));
            case "CHALLENGE_ACK":
                return new Frame.ChallengeAck(Bytes32.fromHex(f.get("digest").asText()));
            case "PING":
                return new Frame.Ping(HexFormat.fromHexDigitsToLong(f.get("payload").asText()));
            case "PONG":
                return new Frame.Pong(HexFormat.fromHexDigitsToLong(f.get("payload").asText()));
            default:
                throw new IllegalArgumentException("unknown frame type in vectors: " + type);
        }
    }

    public static byte[] hex(JsonNode v) {
        return HexFormat.of().parseHex(v.get("hex").asText());
    }
}
