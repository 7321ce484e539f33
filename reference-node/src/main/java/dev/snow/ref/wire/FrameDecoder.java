package dev.snow.ref.wire;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Incremental, strict frame decoder. Feed bytes in any split ({@link #feed}); pull frames
 * with {@link #next()}, which answers {@link DecodeResult.Decoded}, {@link DecodeResult.NeedMore}
 * or {@link DecodeResult.Malformed}. After the first violation the decoder is poisoned and
 * keeps answering the same violation: the connection must close (FRAME-8).
 *
 * <p>Check order (docs/PROTOCOL.md, "parse check order"): from the 4 length bytes alone
 * {@code len == 0} (FRAME-2) and {@code len > 4096} (FRAME-3); from the 5th byte an unknown
 * tag (FRAME-4) and a PING/PONG whose len is not 9 (FRAME-11); then the payload, field by
 * field (a field past the end is FRAME-5, value checks STATUS-4, STATUS-2/3, AUTH-2 and
 * FRAME-9 as each field is read), then trailing bytes (FRAME-6).
 *
 * <p>Memory: the decoder holds the bytes fed to it and not yet consumed. It never sizes a
 * buffer from a length a peer announced: a frame is parsed only once all of its (at most
 * 4096) bytes have been fed.
 */
public final class FrameDecoder {
    /** Small at first (a heartbeat frame is 13 bytes); grows on demand up to what one frame needs. */
    private byte[] buf = new byte[64];
    private int start;
    private int end;
    private DecodeResult.Malformed poisoned;
    private final long maxFrameLength;
    private final boolean presize;
    private final boolean pingLengthChecked;
    /** Rules whose payload check is skipped (a lenient parse): empty but for conformance mutants. */
    private final java.util.Set<String> lax;

    /** The decoder of docs/PROTOCOL.md: at most {@link Limits#MAX_FRAME_LENGTH}, never sized by a peer. */
    public FrameDecoder() {
        this(Limits.MAX_FRAME_LENGTH, false, true, java.util.Set.of());
    }

    /**
     * With another limit, optionally sizing its buffer from the announced length, optionally
     * without the early PING/PONG length check: defects (FRAME-3, FRAME-11), there only for the
     * conformance mutants of the reference's test scope. {@code lax} names rules broken on
     * purpose (FRAME-6: trailing bytes ignored, FRAME-9: malformed UTF-8 replaced, AUTH-2: any
     * digest_len/challenge_len taken as 32; STATUS-2, STATUS-3: any challenge_len taken; STATUS-4:
     * an unknown status read as ok; HB-6, read by the connection: handshake frames ignored once
     * established; FRAME-2: a len 0 frame skipped, FRAME-4: a frame of unknown tag skipped,
     * FRAME-5: a field past the end read as zeros, FRAME-10: bytes of a partial frame dropped
     * when the next read arrives).
     */
    public FrameDecoder(int maxFrameLength, boolean presize, boolean pingLengthChecked, java.util.Set<String> lax) {
        this.lax = java.util.Set.copyOf(lax);
        this.maxFrameLength = maxFrameLength;
        this.presize = presize;
        this.pingLengthChecked = pingLengthChecked;
    }

    /** Appends {@code length} bytes of {@code src} from {@code offset}. */
    public void feed(byte[] src, int offset, int length) {
        dropPartialFrameIfLax();
        ensureRoom(length);
        System.arraycopy(src, offset, buf, end, length);
        end += length;
    }

    public void feed(byte[] src) {
        feed(src, 0, src.length);
    }

    /** Appends the remaining bytes of {@code src}, consuming them. */
    public void feed(ByteBuffer src) {
        dropPartialFrameIfLax();
        int length = src.remaining();
        ensureRoom(length);
        src.get(buf, end, length);
        end += length;
    }

    /** The FRAME-10 defect (mutants only): every read is taken to start on a frame boundary. */
    private void dropPartialFrameIfLax() {
        if (!lax.isEmpty() && lax.contains("FRAME-10") && poisoned == null) {
            start = 0;
            end = 0;
        }
    }

    /** Bytes fed and not yet consumed by a decoded frame. */
    public int buffered() {
        return end - start;
    }

    /** True once a violation has been found; the decoder answers it forever after. */
    public boolean isPoisoned() {
        return poisoned != null;
    }

    public DecodeResult next() {
        if (poisoned != null) {
            return poisoned;
        }
        int available = end - start;
        if (available < 4) {
            return DecodeResult.NEED_MORE;
        }
        long len = u32(buf, start);
        if (len == 0) {
            if (lax.contains("FRAME-2")) {
                start += 4;
                return next();
            }
            return poison("FRAME-2", "frame length is 0; it must count at least the tag");
        }
        if (len > maxFrameLength) {
            return poison("FRAME-3", "frame length " + len + " exceeds the limit of " + maxFrameLength);
        }
        if (presize && available < 4 + len) {
            ensureRoom((int) (4 + len - available));
        }
        if (available < 5) {
            return DecodeResult.NEED_MORE;
        }
        int tagCode = buf[start + 4] & 0xff;
        Tag tag = Tag.fromCode(tagCode);
        if (tag == null) {
            if (lax.contains("FRAME-4")) {
                if (available < 4 + len) {
                    return DecodeResult.NEED_MORE;
                }
                start += 4 + (int) len;
                return next();
            }
            return poison("FRAME-4", "unknown tag " + tagCode + " (known tags are 1..6)");
        }
        if (pingLengthChecked && (tag == Tag.PING || tag == Tag.PONG) && len != 1 + Limits.PING_PAYLOAD_LENGTH) {
            return poison("FRAME-11", tag + " frame length is " + len + "; it must be 9");
        }
        if (available < 4 + len) {
            return DecodeResult.NEED_MORE;
        }
        int payloadStart = start + 5;
        int payloadEnd = start + 4 + (int) len;
        try {
            Frame frame = parse(tag, new Reader(buf, payloadStart, payloadEnd, tag, lax));
            start = payloadEnd;
            if (start == end) {
                start = 0;
                end = 0;
            }
            return new DecodeResult.Decoded(frame);
        } catch (Reject r) {
            return poison(r.rule, r.detail);
        }
    }

    private DecodeResult.Malformed poison(String rule, String detail) {
        poisoned = new DecodeResult.Malformed(new ProtocolViolation(rule, detail));
        return poisoned;
    }

    private void ensureRoom(int length) {
        if (buf.length - end >= length) {
            return;
        }
        int live = end - start;
        if (buf.length - live >= length && start > 0) {
            System.arraycopy(buf, start, buf, 0, live);
        } else {
            byte[] bigger = new byte[Math.max(buf.length * 2, live + length)];
            System.arraycopy(buf, start, bigger, 0, live);
            buf = bigger;
        }
        start = 0;
        end = live;
    }

    private static Frame parse(Tag tag, Reader r) {
        Frame frame;
        switch (tag) {
            case NAME: {
                String name = r.name();
                int creation = r.u8("creation");
                frame = new Frame.Name(name, creation);
                break;
            }
            case STATUS_CHALLENGE: {
                int code = r.u8("status");
                Status status = Status.fromCode(code);
                if (status == null && r.lax.contains("STATUS-4")) {
                    status = Status.OK; // a conformance mutant's defect only: an unknown status read as ok
                }
                if (status == null) {
                    throw new Reject("STATUS-4", "unknown status " + code + " (known statuses are 0..4)");
                }
                long challengeLen = r.u32("challenge_len");
                Bytes32 challenge = null;
                if (status.continues()) {
                    if (challengeLen != Limits.CHALLENGE_LENGTH && !r.lax.contains("STATUS-2")) {
                        throw new Reject("STATUS-2", "challenge_len is " + challengeLen + " with status "
                                + status.wireName() + "; it must be 32");
                    }
                    challenge = r.bytes32("challenge", challengeLen);
                } else if (challengeLen != 0) {
                    if (!r.lax.contains("STATUS-3")) {
                        throw new Reject("STATUS-3", "challenge_len is " + challengeLen + " with status "
                                + status.wireName() + "; it must be 0");
                    }
                    r.bytes32("challenge", challengeLen); // a conformance mutant's defect only: skipped
                }
                String name = r.name();
                int creation = r.u8("creation");
                frame = new Frame.StatusChallenge(status, challenge, name, creation);
                break;
            }
            case CHALLENGE_REPLY: {
                Bytes32 digest = r.bytes32("digest", r.length32("digest_len"));
                Bytes32 challenge = r.bytes32("challenge", r.length32("challenge_len"));
                frame = new Frame.ChallengeReply(digest, challenge);
                break;
            }
            case CHALLENGE_ACK: {
                frame = new Frame.ChallengeAck(r.bytes32("digest", r.length32("digest_len")));
                break;
            }
            case PING:
                frame = new Frame.Ping(r.u64("payload"));
                break;
            case PONG:
                frame = new Frame.Pong(r.u64("payload"));
                break;
            default:
                throw new IllegalStateException("unhandled tag " + tag);
        }
        r.expectEnd();
        return frame;
    }

    static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    /** Reads the fields of one complete payload; every failure is a {@link Reject} naming its rule. */
    private static final class Reader {
        private byte[] b;
        private int end;
        private final Tag tag;
        private final java.util.Set<String> lax;
        private int pos;

        Reader(byte[] b, int pos, int end, Tag tag, java.util.Set<String> lax) {
            this.lax = lax;
            this.b = b;
            this.pos = pos;
            this.end = end;
            this.tag = tag;
        }

        private void need(int n, String field) {
            if (end - pos < n && lax.contains("FRAME-5")) {
                byte[] padded = new byte[n];
                System.arraycopy(b, pos, padded, 0, end - pos);
                b = padded;
                pos = 0;
                end = n;
                return;
            }
            if (end - pos < n) {
                throw new Reject("FRAME-5", tag + " field " + field + " needs " + n + " bytes but only "
                        + (end - pos) + " remain in the frame");
            }
        }

        int u8(String field) {
            need(1, field);
            return b[pos++] & 0xff;
        }

        int u16(String field) {
            need(2, field);
            int v = ((b[pos] & 0xff) << 8) | (b[pos + 1] & 0xff);
            pos += 2;
            return v;
        }

        long u32(String field) {
            need(4, field);
            long v = FrameDecoder.u32(b, pos);
            pos += 4;
            return v;
        }

        long u64(String field) {
            need(8, field);
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (b[pos + i] & 0xff);
            }
            pos += 8;
            return v;
        }

        /** A digest_len or challenge_len of REPLY/ACK, which must be 32 (AUTH-2); returns it. */
        long length32(String field) {
            long v = u32(field);
            if (v != Limits.CHALLENGE_LENGTH && !lax.contains("AUTH-2")) {
                throw new Reject("AUTH-2", tag + " " + field + " is " + v + "; it must be 32");
            }
            return v;
        }

        /** {@code n} announced bytes (32 unless AUTH-2 is lax), as 32: cut or zero-padded. */
        Bytes32 bytes32(String field, long n) {
            if (n == Limits.CHALLENGE_LENGTH) {
                return bytes32(field);
            }
            need((int) Math.min(n, Integer.MAX_VALUE), field);
            byte[] out = new byte[Limits.CHALLENGE_LENGTH];
            System.arraycopy(b, pos, out, 0, (int) Math.min(n, out.length));
            pos += (int) n;
            return Bytes32.of(out);
        }

        Bytes32 bytes32(String field) {
            need(Limits.CHALLENGE_LENGTH, field);
            byte[] out = new byte[Limits.CHALLENGE_LENGTH];
            System.arraycopy(b, pos, out, 0, out.length);
            pos += out.length;
            return Bytes32.of(out);
        }

        /** u16 name_len then that many bytes of strict UTF-8 (FRAME-5, FRAME-9). */
        String name() {
            int len = u16("name_len");
            need(len, "name");
            try {
                CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(lax.contains("FRAME-9") ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT)
                        .onUnmappableCharacter(lax.contains("FRAME-9") ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(b, pos, len));
                pos += len;
                return chars.toString();
            } catch (CharacterCodingException e) {
                throw new Reject("FRAME-9", tag + " name of " + len + " bytes is not valid UTF-8");
            }
        }

        void expectEnd() {
            if (pos != end && !lax.contains("FRAME-6")) {
                throw new Reject("FRAME-6", tag + " frame has " + (end - pos) + " trailing bytes after its last field");
            }
        }
    }

    /** Internal signal of a violation; carries no stack trace. */
    private static final class Reject extends RuntimeException {
        final String rule;
        final String detail;

        Reject(String rule, String detail) {
            super(rule + ": " + detail, null, false, false);
            this.rule = rule;
            this.detail = detail;
        }
    }
}
