package dev.snow.ref.session;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.wire.Frame;
import dev.snow.ref.wire.FrameDecoder;
import dev.snow.ref.wire.FrameEncoder;
import dev.snow.ref.wire.Limits;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongUnaryOperator;

/**
 * The seams of one connection, real by default ({@link #REAL}); the conformance mutants
 * (reference-node test scope, docs/MUTATION.md) replace one to plant one defect.
 *
 * @param pongPayload       the payload a PONG echoes for a PING's payload (HB-2: the same)
 * @param maxFrameLength    the largest frame length accepted (FRAME-3: 4096)
 * @param presizeFrames     size the read buffer from a frame's announced length (never: FRAME-3)
 * @param pingLengthChecked reject a PING/PONG whose len is not 9 from its header (FRAME-11: yes)
 * @param anyPongCounts     a PONG with any payload answers the outstanding PING (HB-4: no)
 * @param laxRules          rules broken on purpose (none: every rule holds). A bare ID ("FRAME-6") is broken
 *                          in both roles; "FRAME-2@acceptor" or "FRAME-2@initiator" only on connections of
 *                          that role (see {@link #laxOn(String, Direction)} for the rules a role can break)
 */
public record SessionSeams(LongUnaryOperator pongPayload, int maxFrameLength, boolean presizeFrames,
                           boolean pingLengthChecked, boolean anyPongCounts, Set<String> laxRules) {
    public static final SessionSeams REAL = new SessionSeams(p -> p, Limits.MAX_FRAME_LENGTH, false, true, false, Set.of());

    public SessionSeams {
        laxRules = Set.copyOf(laxRules);
    }

    /** A decoder with these seams. */
    public FrameDecoder decoder() {
        return new FrameDecoder(maxFrameLength, presizeFrames, pingLengthChecked, laxRules);
    }

    /** A decoder with these seams for a connection of {@code role}. */
    public FrameDecoder decoder(Direction role) {
        return new FrameDecoder(maxFrameLength, presizeFrames, pingLengthChecked, laxRules(role));
    }

    /** The rules broken on a connection of {@code role}: the bare ones and those marked for that role. */
    public Set<String> laxRules(Direction role) {
        if (laxRules.isEmpty()) {
            return Set.of();
        }
        String suffix = "@" + roleName(role);
        Set<String> out = new HashSet<>();
        for (String r : laxRules) {
            if (!r.contains("@")) {
                out.add(r);
            } else if (r.endsWith(suffix)) {
                out.add(r.substring(0, r.length() - suffix.length()));
            }
        }
        return Set.copyOf(out);
    }

    /** True when {@code rule} is broken on a connection of {@code role}. */
    public boolean isLax(String rule, Direction role) {
        return !laxRules.isEmpty() && laxRules(role).contains(rule);
    }

    /**
     * The bytes of a handshake frame this side sends. Real: {@link FrameEncoder#encode}. With
     * FRAME-1 lax for {@code role}, {@code len} counts the payload but not the tag (one too small).
     */
    public byte[] encodeHandshakeFrame(Frame f, Direction role) {
        byte[] bytes = FrameEncoder.encode(f);
        if (isLax("FRAME-1", role)) {
            long len = ((long) (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff)) - 1;
            bytes[0] = (byte) (len >>> 24);
            bytes[1] = (byte) (len >>> 16);
            bytes[2] = (byte) (len >>> 8);
            bytes[3] = (byte) len;
        }
        return bytes;
    }

    public SessionSeams laxOn(String rule) {
        Set<String> more = new HashSet<>(laxRules);
        more.add(rule);
        return new SessionSeams(pongPayload, maxFrameLength, presizeFrames, pingLengthChecked, anyPongCounts, more);
    }

    /**
     * Breaks {@code rule} only on connections of {@code role} (acceptor: incoming, initiator:
     * outgoing), so a kill proves that role's test. Rules a role can break: the decoder's
     * FRAME-2, FRAME-4, FRAME-5, FRAME-10 (and those of {@link FrameDecoder}); FRAME-1 (handshake
     * frames sent with a wrong len), FRAME-7 (unexpected handshake frames ignored), NAME-1/NAME-2
     * (lenient name parse: of NAME as acceptor, of connect's name as initiator), NAME-4 (dialled
     * name compared ignoring case), NAME-5 (own name in NAME taken), NAME-3 (a name without a
     * port dialled at 4369), TLS-2 (the listener asks for a client certificate; the connector
     * verifies the listener's).
     */
    public SessionSeams laxOn(String rule, Direction role) {
        return laxOn(rule + "@" + roleName(role));
    }

    /** "acceptor" for incoming connections, "initiator" for outgoing ones. */
    public static String roleName(Direction role) {
        return role == Direction.INCOMING ? "acceptor" : "initiator";
    }

    public SessionSeams withPongPayload(LongUnaryOperator f) {
        return new SessionSeams(f, maxFrameLength, presizeFrames, pingLengthChecked, anyPongCounts, laxRules);
    }

    public SessionSeams withFrameLimit(int max, boolean presize) {
        return new SessionSeams(pongPayload, max, presize, pingLengthChecked, anyPongCounts, laxRules);
    }

    public SessionSeams withoutPingLengthCheck() {
        return new SessionSeams(pongPayload, maxFrameLength, presizeFrames, false, anyPongCounts, laxRules);
    }

    public SessionSeams countingAnyPong() {
        return new SessionSeams(pongPayload, maxFrameLength, presizeFrames, pingLengthChecked, true, laxRules);
    }
}
