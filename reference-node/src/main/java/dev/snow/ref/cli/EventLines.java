package dev.snow.ref.cli;

import dev.snow.ref.node.NodeEvent;
import dev.snow.ref.transport.NodeListener;
import java.io.PrintStream;
import java.time.Clock;

/**
 * The CLI's stdout: one line per event, {@code key=value} pairs after the event name, values
 * with blanks or quotes in double quotes, the wall-clock instant last:
 * <pre>
 * node_up node=b@127.0.0.1:9002 node_id=1 creation=42 direction=outgoing at=2025-11-26T10:00:00.123Z
 * node_down node=b@127.0.0.1:9002 node_id=1 reason=disconnect detail="CONN-1: disconnect requested" at=...
 * handshake_failed peer=127.0.0.1:50412 direction=incoming reason=tls detail="TLS-1: ..." at=...
 * </pre>
 */
final class EventLines implements NodeListener {
    private final PrintStream out;
    private final Clock clock;

    EventLines(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void onEvent(NodeEvent event, String remote) {
        String line = format(event, remote) + " at=" + clock.instant();
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    static String format(NodeEvent event, String remote) {
        StringBuilder b = new StringBuilder();
        if (event instanceof NodeEvent.NodeUp up) {
            b.append("node_up");
            pair(b, "node", up.node());
            pair(b, "node_id", String.valueOf(up.nodeId()));
            pair(b, "creation", String.valueOf(up.creation()));
            pair(b, "direction", up.direction().wireName());
        } else if (event instanceof NodeEvent.NodeDown down) {
            b.append("node_down");
            pair(b, "node", down.node());
            pair(b, "node_id", String.valueOf(down.nodeId()));
            pair(b, "reason", down.reason().wireName());
            pair(b, "detail", down.detail());
        } else {
            NodeEvent.HandshakeFailed f = (NodeEvent.HandshakeFailed) event;
            b.append("handshake_failed");
            pair(b, "peer", f.peer() != null ? f.peer() : remote != null ? remote : "unknown");
            pair(b, "direction", f.direction().wireName());
            pair(b, "reason", f.reason().wireName());
            pair(b, "detail", f.detail());
        }
        return b.toString();
    }

    private static void pair(StringBuilder b, String key, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        b.append(' ').append(key).append('=');
        boolean plain = value.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '\\' || c == '=');
        if (plain) {
            b.append(value);
            return;
        }
        b.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < ' ') {
                b.append(' ');
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }
}
