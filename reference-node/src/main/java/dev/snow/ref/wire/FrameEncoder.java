package dev.snow.ref.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Encodes frames in the layouts drawn on {@link Frame}. The encoder writes what the node
 * decided to send; it refuses values that cannot be represented (a name over 255 bytes, a
 * creation outside 0..255) so that the reference node never emits a frame it would itself
 * reject.
 */
public final class FrameEncoder {
    private FrameEncoder() {
    }

    public static byte[] encode(Frame frame) {
        if (frame instanceof Frame.Name f) {
            byte[] name = nameBytes(f.name());
            ByteBuffer b = header(Tag.NAME, 2 + name.length + 1);
            b.putShort((short) name.length).put(name).put(creation(f.creation()));
            return b.array();
        }
        if (frame instanceof Frame.StatusChallenge f) {
            byte[] name = nameBytes(f.name());
            int challengeLen = f.status().continues() ? Limits.CHALLENGE_LENGTH : 0;
            if (f.status().continues() != (f.challenge() != null)) {
                throw new IllegalArgumentException("status " + f.status().wireName()
                        + (f.status().continues() ? " needs" : " must not carry") + " a challenge");
            }
            ByteBuffer b = header(Tag.STATUS_CHALLENGE, 1 + 4 + challengeLen + 2 + name.length + 1);
            b.put((byte) f.status().code()).putInt(challengeLen);
            if (f.challenge() != null) {
                b.put(f.challenge().toByteArray());
            }
            b.putShort((short) name.length).put(name).put(creation(f.creation()));
            return b.array();
        }
        if (frame instanceof Frame.ChallengeReply f) {
            ByteBuffer b = header(Tag.CHALLENGE_REPLY, 4 + 32 + 4 + 32);
            b.putInt(32).put(f.digest().toByteArray()).putInt(32).put(f.challenge().toByteArray());
            return b.array();
        }
        if (frame instanceof Frame.ChallengeAck f) {
            ByteBuffer b = header(Tag.CHALLENGE_ACK, 4 + 32);
            b.putInt(32).put(f.digest().toByteArray());
            return b.array();
        }
        if (frame instanceof Frame.Ping f) {
            return heartbeat(Tag.PING, f.payload());
        }
        if (frame instanceof Frame.Pong f) {
            return heartbeat(Tag.PONG, f.payload());
        }
        throw new IllegalArgumentException("unknown frame " + frame);
    }

    /** PING and PONG, the frames of a live session, written without a ByteBuffer: len 9, tag, 8 bytes. */
    private static byte[] heartbeat(Tag tag, long payload) {
        byte[] b = new byte[5 + 8];
        b[3] = 9;
        b[4] = (byte) tag.code();
        for (int i = 0; i < 8; i++) {
            b[5 + i] = (byte) (payload >>> (56 - 8 * i));
        }
        return b;
    }

    private static ByteBuffer header(Tag tag, int payloadLength) {
        ByteBuffer b = ByteBuffer.allocate(5 + payloadLength);
        b.putInt(1 + payloadLength).put((byte) tag.code());
        return b;
    }

    private static byte[] nameBytes(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > Limits.MAX_NAME_BYTES) {
            throw new IllegalArgumentException("name is " + bytes.length + " bytes; at most 255 can be sent (NAME-2)");
        }
        return bytes;
    }

    private static byte creation(int creation) {
        if (creation < 0 || creation > 255) {
            throw new IllegalArgumentException("creation " + creation + " is not a u8");
        }
        return (byte) creation;
    }
}
