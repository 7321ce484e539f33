package dev.snow.conformance.peer;

import java.time.Duration;

/**
 * How a {@link PeerConnection} answers the IUT's PINGs by itself (heartbeat tests). PINGs are
 * still delivered to the test as {@link Incoming.Frame}s whatever the policy.
 */
public record PongPolicy(Mode mode, Duration delay) {
    public enum Mode { SILENT, ECHO, WRONG_PAYLOAD }

    /** Do not answer (the default). */
    public static final PongPolicy SILENT = new PongPolicy(Mode.SILENT, Duration.ZERO);
    /** Answer at once with the same payload (HB-2). */
    public static final PongPolicy ECHO = new PongPolicy(Mode.ECHO, Duration.ZERO);

    /** Answer with the same payload after {@code delay} (HB-5). */
    public static PongPolicy late(Duration delay) {
        return new PongPolicy(Mode.ECHO, delay);
    }

    /** Answer at once with a payload that is not the PING's (HB-4). */
    public static final PongPolicy WRONG = new PongPolicy(Mode.WRONG_PAYLOAD, Duration.ZERO);
}
