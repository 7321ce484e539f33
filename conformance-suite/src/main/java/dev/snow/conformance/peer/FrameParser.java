package dev.snow.conformance.peer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The tester's strict, incremental frame parser, used to judge every byte the IUT sends. Feed
 * bytes in any split; {@link #next()} answers a decoded frame, need-more, or the first
 * violation (after which it keeps answering that violation).
 * <pre>
 *   from the 4 length bytes : len == 0 (FRAME-2), len &gt; 4096 (FRAME-3)
 *   from the 5th byte       : unknown tag (FRAME-4), PING/PONG with len != 9 (FRAME-11)
 *   with the whole frame    : a field past the end (FRAME-5), unknown status (STATUS-4),
 *                             challenge_len vs status (STATUS-2, STATUS-3), digest_len or
 *                             challenge_len != 32 in REPLY/ACK (AUTH-2), bad UTF-8 (FRAME-9),
 *                             bytes after the last field (FRAME-6)
 * </pre>
 * It holds at most one frame (4 + 4096 bytes) plus what was fed after it; it never sizes a
 * buffer from an announced length.
 */
public final class FrameParser {
    public static final int MAX_LEN = 4096;
    public static final int SECRET_LEN = 32;

    private byte[] data = new byte[256];
    private int size;
    private ParseResult.Violation violation;

    public void feed(byte[] b) {
        feed(b, 0, b.length);
    }

    public void feed(byte[] b, int off, int len) {
        if (size + len > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + len));
        }
        System.arraycopy(b, off, data, size, len);
        size += len;
    }

    /** Bytes fed and not consumed by a decoded frame. */
    public int pending() {
        return size;
    }

    public ParseResult next() {
        if (violation != null) {
            return violation;
        }
        if (size < 4) {
            return ParseResult.NEED_MORE;
        }
        long len = ((long) (data[0] & 0xff) << 24) | ((data[1] & 0xff) << 16) | ((data[2] & 0xff) << 8) | (data[3] & 0xff);
        if (len == 0) {
            return fail("FRAME-2", "len is 0; it must count at least the tag");
        }
        if (len > MAX_LEN) {
            return fail("FRAME-3", "len " + len + " is over the limit of " + MAX_LEN);
        }
        if (size < 5) {
            return ParseResult.NEED_MORE;
        }
        int tag = data[4] & 0xff;
        FrameType type = FrameType.of(tag);
        if (type == null) {
            return fail("FRAME-4", "unknown tag " + tag);
        }
        if ((type == FrameType.PING || type == FrameType.PONG) && len != 9) {
            return fail("FRAME-11", type + " with len " + len + "; it must be 9");
        }
        int total = 4 + (int) len;
        if (size < total) {
            return ParseResult.NEED_MORE;
        }
        byte[] raw = Arrays.copyOf(data, total);
        Fields in = new Fields(raw, type);
        WireFrame frame;
        try {
            frame = read(type, in);
            in.end();
        } catch (Broken b) {
            return fail(b.rule, b.getMessage());
        }
        System.arraycopy(data, total, data, 0, size - total);
        size -= total;
        return new ParseResult.Decoded(frame, raw);
    }

    private ParseResult fail(String rule, String detail) {
        violation = new ParseResult.Violation(rule, detail);
        return violation;
    }

    private static WireFrame read(FrameType type, Fields in) {
        switch (type) {
            case NAME:
                return new WireFrame.Name(in.name(), in.u8("creation"));
            case STATUS_CHALLENGE: {
                int code = in.u8("status");
                StatusCode status = StatusCode.of(code);
                if (status == null) {
                    throw new Broken("STATUS-4", "unknown status " + code);
                }
                long challengeLen = in.u32("challenge_len");
                if (status.continues() && challengeLen != SECRET_LEN) {
                    throw new Broken("STATUS-2", "status " + status.wireName() + " with challenge_len " + challengeLen);
                }
                if (!status.continues() && challengeLen != 0) {
                    throw new Broken("STATUS-3", "status " + status.wireName() + " with challenge_len " + challengeLen);
                }
                byte[] challenge = in.bytes((int) challengeLen, "challenge");
                return new WireFrame.StatusChallenge(status, challenge, in.name(), in.u8("creation"));
            }
            case CHALLENGE_REPLY: {
                byte[] digest = in.secret("digest");
                byte[] challenge = in.secret("challenge");
                return new WireFrame.ChallengeReply(digest, challenge);
            }
            case CHALLENGE_ACK:
                return new WireFrame.ChallengeAck(in.secret("digest"));
            case PING:
                return new WireFrame.Ping(in.bytes(8, "payload"));
            case PONG:
                return new WireFrame.Pong(in.bytes(8, "payload"));
            default:
                throw new IllegalStateException(type.toString());
        }
    }

    /** Cursor over one whole frame's payload. */
    private static final class Fields {
        private final byte[] raw;
        private final FrameType type;
        private int at = 5;

        Fields(byte[] raw, FrameType type) {
            this.raw = raw;
            this.type = type;
        }

        private void need(long n, String field) {
            if (raw.length - at < n) {
                throw new Broken("FRAME-5", type + " field " + field + " needs " + n + " bytes, "
                        + (raw.length - at) + " left in the frame");
            }
        }

        int u8(String field) {
            need(1, field);
            return raw[at++] & 0xff;
        }

        int u16(String field) {
            need(2, field);
            int v = ((raw[at] & 0xff) << 8) | (raw[at + 1] & 0xff);
            at += 2;
            return v;
        }

        long u32(String field) {
            need(4, field);
            long v = ((long) (raw[at] & 0xff) << 24) | ((raw[at + 1] & 0xff) << 16) | ((raw[at + 2] & 0xff) << 8) | (raw[at + 3] & 0xff);
            at += 4;
            return v;
        }

        byte[] bytes(int n, String field) {
            need(n, field);
            byte[] b = Arrays.copyOfRange(raw, at, at + n);
            at += n;
            return b;
        }

        /** {@code u32 len} that must be 32 (AUTH-2), then 32 bytes. */
        byte[] secret(String field) {
            long n = u32(field + "_len");
            if (n != SECRET_LEN) {
                throw new Broken("AUTH-2", type + " " + field + "_len is " + n + "; it must be 32");
            }
            return bytes(SECRET_LEN, field);
        }

        String name() {
            int n = u16("name_len");
            need(n, "name");
            try {
                String s = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(raw, at, n)).toString();
                at += n;
                return s;
            } catch (CharacterCodingException e) {
                throw new Broken("FRAME-9", type + " name (" + n + " bytes) is not valid UTF-8: " + Hex.of(raw, at, n));
            }
        }

        void end() {
            if (at != raw.length) {
                throw new Broken("FRAME-6", type + " has " + (raw.length - at) + " bytes after its last field");
            }
        }
    }

    private static final class Broken extends RuntimeException {
        final String rule;

        Broken(String rule, String detail) {
            super(detail, null, false, false);
            this.rule = rule;
        }
    }
}
