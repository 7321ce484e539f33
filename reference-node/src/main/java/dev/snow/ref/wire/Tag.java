package dev.snow.ref.wire;

/** Frame tags (docs/PROTOCOL.md, Framing). */
public enum Tag {
    NAME(1),
    STATUS_CHALLENGE(2),
    CHALLENGE_REPLY(3),
    CHALLENGE_ACK(4),
    PING(5),
    PONG(6);

    private static final Tag[] BY_CODE = {null, NAME, STATUS_CHALLENGE, CHALLENGE_REPLY, CHALLENGE_ACK, PING, PONG};

    private final int code;

    Tag(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The tag for an unsigned byte value, or {@code null} when the code is unknown (FRAME-4). */
    public static Tag fromCode(int code) {
        return code >= 1 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
