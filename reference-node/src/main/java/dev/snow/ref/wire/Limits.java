package dev.snow.ref.wire;

/** Fixed sizes of the wire format. */
public final class Limits {
    /** Largest {@code len} a receiver accepts (FRAME-3). */
    public static final int MAX_FRAME_LENGTH = 4096;
    /** Size of the frame header: u32 len + u8 tag. */
    public static final int HEADER_LENGTH = 5;
    /** Size of challenges and digests (AUTH-2, STATUS-2). */
    public static final int CHALLENGE_LENGTH = 32;
    /** Size of a PING/PONG payload (FRAME-11). */
    public static final int PING_PAYLOAD_LENGTH = 8;
    /** Largest node name in bytes (NAME-2). */
    public static final int MAX_NAME_BYTES = 255;

    private Limits() {
    }
}
