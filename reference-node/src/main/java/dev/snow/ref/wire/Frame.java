package dev.snow.ref.wire;

import java.util.HexFormat;

/**
 * A decoded frame. Every frame on the wire is
 * <pre>
 *  0               4       5
 * +---------------+-------+---------------------+
 * | len (u32, BE) | tag   | payload (len-1)     |
 * +---------------+-------+---------------------+
 * </pre>
 * where {@code len} counts the tag and the payload (FRAME-1). The payload layouts are drawn
 * on each record below and parsed by {@link FrameDecoder}.
 */
public sealed interface Frame
        permits Frame.Name, Frame.StatusChallenge, Frame.ChallengeReply, Frame.ChallengeAck, Frame.Ping, Frame.Pong {

    Tag tag();

    /**
     * NAME, tag 1, sent first by the initiator.
     * <pre>
     * +------------------+------------------------+--------------+
     * | name_len (u16)   | name (UTF-8, name_len) | creation (u8)|
     * +------------------+------------------------+--------------+
     * </pre>
     */
    record Name(String name, int creation) implements Frame {
        public Tag tag() {
            return Tag.NAME;
        }
    }

    /**
     * STATUS_CHALLENGE, tag 2, the acceptor's answer to NAME. {@code challenge} is null for
     * nok and not_allowed (challenge_len 0, STATUS-3).
     * <pre>
     * +-------------+---------------------+-----------+----------------+------+--------------+
     * | status (u8) | challenge_len (u32) | challenge | name_len (u16) | name | creation (u8)|
     * +-------------+---------------------+-----------+----------------+------+--------------+
     * </pre>
     */
    record StatusChallenge(Status status, Bytes32 challenge, String name, int creation) implements Frame {
        public Tag tag() {
            return Tag.STATUS_CHALLENGE;
        }
    }

    /**
     * CHALLENGE_REPLY, tag 3: the initiator's digest of the acceptor's challenge and its own challenge.
     * <pre>
     * +------------------+--------+---------------------+-----------+
     * | digest_len (u32) | digest | challenge_len (u32) | challenge |
     * +------------------+--------+---------------------+-----------+
     * </pre>
     */
    record ChallengeReply(Bytes32 digest, Bytes32 challenge) implements Frame {
        public Tag tag() {
            return Tag.CHALLENGE_REPLY;
        }
    }

    /**
     * CHALLENGE_ACK, tag 4: the acceptor's digest of the initiator's challenge.
     * <pre>
     * +------------------+--------+
     * | digest_len (u32) | digest |
     * +------------------+--------+
     * </pre>
     */
    record ChallengeAck(Bytes32 digest) implements Frame {
        public Tag tag() {
            return Tag.CHALLENGE_ACK;
        }
    }

    /**
     * PING, tag 5, payload exactly 8 bytes (len == 9, FRAME-11), held as a big-endian long.
     */
    record Ping(long payload) implements Frame {
        public Tag tag() {
            return Tag.PING;
        }

        @Override
        public String toString() {
            return "Ping[" + HexFormat.of().toHexDigits(payload) + "]";
        }
    }

    /** PONG, tag 6, the 8 bytes of the PING it answers. */
    record Pong(long payload) implements Frame {
        public Tag tag() {
            return Tag.PONG;
        }

        @Override
        public String toString() {
            return "Pong[" + HexFormat.of().toHexDigits(payload) + "]";
        }
    }
}
