package dev.snow.ref.session;

/**
 * Heartbeat timing of one established session (HB-1..HB-5), in nanoseconds of the caller's clock.
 * <pre>
 *  established      +interval: PING p1         +timeout: dead unless PONG(p1) came
 *  |----------------|--------------------------|
 *                   next PING at PING time + interval (or when its PONG arrives, if later)
 * </pre>
 * At most one PING is outstanding; a PONG whose payload is not the outstanding one is ignored.
 */
final class Heartbeat {
    /** What {@link #onTimeout} wants done. */
    enum Action { NOTHING, SEND_PING, DEAD }

    private final long interval;
    private final long timeout;
    private long nextPingAt;
    private boolean outstanding;
    private long outstandingPayload;
    private long pongDeadline;
    /** A defect only the conformance mutants plant (HB-4): any PONG answers the outstanding PING. */
    private final boolean anyPongCounts;

    Heartbeat(long establishedAt, long interval, long timeout) {
        this(establishedAt, interval, timeout, false);
    }

    Heartbeat(long establishedAt, long interval, long timeout, boolean anyPongCounts) {
        this.anyPongCounts = anyPongCounts;
        this.interval = interval;
        this.timeout = timeout;
        this.nextPingAt = establishedAt + interval;
    }

    /** The next instant {@link #onTimeout} must be called at. */
    long deadline() {
        return outstanding ? pongDeadline : nextPingAt;
    }

    /**
     * Called at or after {@link #deadline()}: {@code DEAD} when the outstanding PING went
     * unanswered for the timeout (HB-3), {@code SEND_PING} when the next PING is due (then call
     * {@link #pingSent}), else {@code NOTHING}.
     */
    Action onTimeout(long now) {
        if (outstanding) {
            return now - pongDeadline >= 0 ? Action.DEAD : Action.NOTHING;
        }
        return now - nextPingAt >= 0 ? Action.SEND_PING : Action.NOTHING;
    }

    /** A PING with {@code payload} went out at {@code now}. */
    void pingSent(long payload, long now) {
        outstanding = true;
        outstandingPayload = payload;
        pongDeadline = now + timeout;
        nextPingAt = now + interval;
    }

    /**
     * A PONG arrived; it counts only if it carries the outstanding payload (HB-4) and arrives
     * strictly before the PING's deadline (HB-3: at the deadline the session is already dead).
     */
    boolean onPong(long payload, long now) {
        if (!outstanding || payload != outstandingPayload && !anyPongCounts || now - pongDeadline >= 0) {
            return false;
        }
        outstanding = false;
        if (now - nextPingAt > 0) {
            nextPingAt = now;
        }
        return true;
    }

    boolean awaitingPong() {
        return outstanding;
    }
}
