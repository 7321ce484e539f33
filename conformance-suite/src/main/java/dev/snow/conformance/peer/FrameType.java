package dev.snow.conformance.peer;

/** The frame tags of docs/PROTOCOL.md (FRAME-1, FRAME-4). */
public enum FrameType {
    NAME(1),
    STATUS_CHALLENGE(2),
    CHALLENGE_REPLY(3),
    CHALLENGE_ACK(4),
    PING(5),
    PONG(6);

    public final int tag;

    FrameType(int tag) {
        this.tag = tag;
    }

    /** The type for {@code tag}, or null when the tag is unknown. */
    public static FrameType of(int tag) {
        for (FrameType t : values()) {
            if (t.tag == tag) {
                return t;
            }
        }
        return null;
    }
}
