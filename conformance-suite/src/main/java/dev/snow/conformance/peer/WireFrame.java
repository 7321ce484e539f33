package dev.snow.conformance.peer;

/**
 * A well-formed frame as the tester's parser decoded it (or as the tester means to send it).
 * Byte arrays are owned by the frame; callers do not modify them.
 */
public sealed interface WireFrame {
    FrameType type();

    /** One line for transcripts and failure messages. */
    String describe();

    /** tag 1: {@code u16 name_len, name (UTF-8), u8 creation}. */
    record Name(String name, int creation) implements WireFrame {
        public FrameType type() {
            return FrameType.NAME;
        }

        public String describe() {
            return "NAME name=\"" + name + "\" creation=" + creation;
        }
    }

    /**
     * tag 2: {@code u8 status, u32 challenge_len, challenge, u16 name_len, name, u8 creation};
     * {@code challenge} is empty when challenge_len is 0.
     */
    record StatusChallenge(StatusCode status, byte[] challenge, String name, int creation) implements WireFrame {
        public FrameType type() {
            return FrameType.STATUS_CHALLENGE;
        }

        public String describe() {
            return "STATUS_CHALLENGE status=" + status.wireName() + "(" + status.code + ") challenge="
                    + (challenge.length == 0 ? "(none)" : Hex.of(challenge)) + " name=\"" + name + "\" creation=" + creation;
        }
    }

    /** tag 3: {@code u32 digest_len, digest, u32 challenge_len, challenge}. */
    record ChallengeReply(byte[] digest, byte[] challenge) implements WireFrame {
        public FrameType type() {
            return FrameType.CHALLENGE_REPLY;
        }

        public String describe() {
            return "CHALLENGE_REPLY digest=" + Hex.of(digest) + " challenge=" + Hex.of(challenge);
        }
    }

    /** tag 4: {@code u32 digest_len, digest}. */
    record ChallengeAck(byte[] digest) implements WireFrame {
        public FrameType type() {
            return FrameType.CHALLENGE_ACK;
        }

        public String describe() {
            return "CHALLENGE_ACK digest=" + Hex.of(digest);
        }
    }

    /** tag 5: 8-byte payload. */
    record Ping(byte[] payload) implements WireFrame {
        public FrameType type() {
            return FrameType.PING;
        }

        public String describe() {
            return "PING payload=" + Hex.of(payload);
        }
    }

    /** tag 6: the 8 bytes of the PING it answers. */
    record Pong(byte[] payload) implements WireFrame {
        public FrameType type() {
            return FrameType.PONG;
        }

        public String describe() {
            return "PONG payload=" + Hex.of(payload);
        }
    }
}
