package dev.snow.ref.cli;

import dev.snow.ref.node.NodeEvent;
import dev.snow.ref.text.Printable;
import dev.snow.ref.transport.NodeListener;
import java.io.PrintStream;
import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * The CLI's stdout: one line per event, {@code key=value} pairs after the event name, values
 * with blanks or quotes in double quotes, the wall-clock instant last:
 * <pre>
 * node_up node=b@127.0.0.1:9002 node_id=1 creation=42 direction=outgoing at=2025-11-26T10:00:00.123Z
 * node_down node=b@127.0.0.1:9002 node_id=1 reason=disconnect detail="CONN-1: disconnect requested" at=...
 * handshake_failed peer=127.0.0.1:50412 direction=incoming reason=tls detail="TLS-1: ..." remote=127.0.0.1:50412 at=...
 * log_suppressed event=handshake_failed dropped=1234 at=...
 * </pre>
 * Peer-supplied text is escaped and names are cut (LOG-1, LOG-2, {@link Printable}); the
 * adapter's JSON keeps exact values. handshake_failed lines are rate-limited (LOG-3): the
 * dropped ones are counted in a {@code log_suppressed} line written before the next line.
 */
final class EventLines implements NodeListener {
    /** LOG-3 default: handshake_failed lines per second (burst twice that). */
    static final int DEFAULT_FAILURE_LINES = 10;

    private final PrintStream out;
    private final Clock clock;
    private final LongSupplier nanos;
    private final FailureLineLimiter limiter;

    EventLines(PrintStream out, Clock clock) {
        this(out, clock, System::nanoTime, DEFAULT_FAILURE_LINES);
    }

    EventLines(PrintStream out, Clock clock, LongSupplier nanos, int failureLinesPerSecond) {
        this.out = out;
        this.clock = clock;
        this.nanos = nanos;
        this.limiter = new FailureLineLimiter(failureLinesPerSecond);
    }

    @Override
    public void onEvent(NodeEvent event, String remote) {
        synchronized (out) {
            if (event instanceof NodeEvent.HandshakeFailed && !limiter.admit(nanos.getAsLong())) {
                return;
            }
            long dropped = limiter.takeDropped();
            if (dropped > 0) {
                out.println("log_suppressed event=handshake_failed dropped=" + dropped
                        + " rule=LOG-3 at=" + clock.instant());
            }
            out.println(format(event, remote) + " at=" + clock.instant());
            out.flush();
        }
    }

    static String format(NodeEvent event, String remote) {
        StringBuilder b = new StringBuilder();
        if (event instanceof NodeEvent.NodeUp up) {
            b.append("node_up");
            pair(b, "node", Printable.name(up.node()));
            pair(b, "node_id", String.valueOf(up.nodeId()));
            pair(b, "creation", String.valueOf(up.creation()));
            pair(b, "direction", up.direction().wireName());
            pair(b, "remote", remote);
        } else if (event instanceof NodeEvent.NodeDown down) {
            b.append("node_down");
            pair(b, "node", Printable.name(down.node()));
            pair(b, "node_id", String.valueOf(down.nodeId()));
            pair(b, "reason", down.reason().wireName());
            pair(b, "detail", Printable.controls(down.detail()));
        } else {
            NodeEvent.HandshakeFailed f = (NodeEvent.HandshakeFailed) event;
            b.append("handshake_failed");
            pair(b, "peer", f.peer() != null ? Printable.name(f.peer()) : remote != null ? remote : "unknown");
            pair(b, "direction", f.direction().wireName());
            pair(b, "reason", f.reason().wireName());
            pair(b, "detail", Printable.controls(f.detail()));
            pair(b, "remote", remote);
        }
        return b.toString();
    }

    /** {@code value} is already escaped (no non-printing characters): quoted if it has blanks, quotes or '='. */
    private static void pair(StringBuilder b, String key, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        b.append(' ').append(key).append('=');
        boolean plain = value.chars().noneMatch(c -> c == ' ' || c == '"' || c == '\\' || c == '=');
        b.append(plain ? value : '"' + value + '"');
    }
}
