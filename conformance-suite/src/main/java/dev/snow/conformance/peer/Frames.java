package dev.snow.conformance.peer;

/**
 * The tester's frame builder. Every frame is
 * <pre>
 *   0        4     5
 *   +--------+-----+-----------------+
 *   | u32 len| tag | payload ...     |   len = 1 + payload length, big-endian
 *   +--------+-----+-----------------+
 * </pre>
 * {@link #encode} builds the well-formed bytes of a {@link WireFrame}; {@link #frame} wraps any
 * payload with the right len; {@link #raw} lets a test announce any len with any tag. Payload
 * layouts:
 * <pre>
 *   NAME             u16 name_len | name | u8 creation
 *   STATUS_CHALLENGE u8 status | u32 challenge_len | challenge | u16 name_len | name | u8 creation
 *   CHALLENGE_REPLY  u32 digest_len | digest | u32 challenge_len | challenge
 *   CHALLENGE_ACK    u32 digest_len | digest
 *   PING, PONG       8-byte payload
 * </pre>
 */
public final class Frames {
    private Frames() {
    }

    /** {@code [u32 1+payload.length][u8 tag][payload]}. */
    public static byte[] frame(int tag, byte[] payload) {
        return raw(1L + payload.length, tag, payload);
    }

    /** {@code [u32 len][u8 tag][payload]} with {@code len} as given, right or wrong. */
    public static byte[] raw(long len, int tag, byte[] payload) {
        return WireWriter.create().u32(len).u8(tag).bytes(payload).toByteArray();
    }

    public static byte[] encode(WireFrame f) {
        return frame(f.type().tag, payload(f));
    }

    /** The payload of a well-formed frame. */
    public static byte[] payload(WireFrame f) {
        WireWriter w = WireWriter.create();
        if (f instanceof WireFrame.Name n) {
            w.name(n.name()).u8(n.creation());
        } else if (f instanceof WireFrame.StatusChallenge s) {
            w.u8(s.status().code).u32(s.challenge().length).bytes(s.challenge()).name(s.name()).u8(s.creation());
        } else if (f instanceof WireFrame.ChallengeReply r) {
            w.u32(r.digest().length).bytes(r.digest()).u32(r.challenge().length).bytes(r.challenge());
        } else if (f instanceof WireFrame.ChallengeAck a) {
            w.u32(a.digest().length).bytes(a.digest());
        } else if (f instanceof WireFrame.Ping p) {
            w.bytes(p.payload());
        } else if (f instanceof WireFrame.Pong p) {
            w.bytes(p.payload());
        } else {
            throw new IllegalArgumentException("unknown frame " + f);
        }
        return w.toByteArray();
    }

    public static byte[] name(String name, int creation) {
        return encode(new WireFrame.Name(name, creation));
    }

    public static byte[] status(StatusCode status, byte[] challenge, String name, int creation) {
        return encode(new WireFrame.StatusChallenge(status, challenge, name, creation));
    }

    public static byte[] reply(byte[] digest, byte[] challenge) {
        return encode(new WireFrame.ChallengeReply(digest, challenge));
    }

    public static byte[] ack(byte[] digest) {
        return encode(new WireFrame.ChallengeAck(digest));
    }

    public static byte[] ping(byte[] payload) {
        return encode(new WireFrame.Ping(payload));
    }

    public static byte[] pong(byte[] payload) {
        return encode(new WireFrame.Pong(payload));
    }

    /** Concatenates byte arrays (several frames in one write, FRAME-10). */
    public static byte[] concat(byte[]... parts) {
        WireWriter w = WireWriter.create();
        for (byte[] p : parts) {
            w.bytes(p);
        }
        return w.toByteArray();
    }
}
