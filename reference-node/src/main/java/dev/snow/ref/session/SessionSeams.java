package dev.snow.ref.session;

import dev.snow.ref.wire.Limits;
import dev.snow.ref.wire.FrameDecoder;
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
 * @param laxRules          payload rules the decoder parses leniently (none: FRAME-6, FRAME-9, AUTH-2 hold)
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

    public SessionSeams laxOn(String rule) {
        Set<String> more = new java.util.HashSet<>(laxRules);
        more.add(rule);
        return new SessionSeams(pongPayload, maxFrameLength, presizeFrames, pingLengthChecked, anyPongCounts, more);
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
