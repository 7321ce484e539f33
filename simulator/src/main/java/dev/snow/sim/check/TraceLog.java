package dev.snow.sim.check;

import dev.snow.ref.node.NodeEvent;
import dev.snow.sim.engine.Trace;
import dev.snow.sim.engine.TraceKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's trace: every record is folded into a 64-bit hash (same seed, same hash: the
 * determinism self-check), the last {@value #RING} are kept for failure reports, and, when
 * asked, every record is written as a JSON line or captured for one node set and window.
 */
public final class TraceLog implements Trace {
    public static final int RING = 256;

    private final String[] names;
    private final long[] times = new long[RING];
    private final TraceKind[] kinds = new TraceKind[RING];
    private final int[] nodes = new int[RING];
    private final long[] conns = new long[RING];
    private final long[] tcps = new long[RING];
    private final long[] values = new long[RING];
    private final Object[] details = new Object[RING];
    private long count;
    private long hash = 0xcbf29ce484222325L;
    private Writer out;
    private Capture capture;

    /** Keeps the records of some nodes within a window (for explaining an unmet expectation). */
    public static final class Capture {
        final boolean[] nodes;
        final long from;
        final long to;
        final int limit;
        final List<String> lines = new ArrayList<>();
        int dropped;

        public Capture(boolean[] nodes, long from, long to, int limit) {
            this.nodes = nodes;
            this.from = from;
            this.to = to;
            this.limit = limit;
        }

        public List<String> lines() {
            return lines;
        }

        public int dropped() {
            return dropped;
        }
    }

    public TraceLog(List<String> nodeNames) {
        this.names = nodeNames.toArray(new String[0]);
    }

    /** Writes every record from now on to {@code out} as JSON lines. */
    public void writeTo(Writer out) {
        this.out = out;
    }

    public void capture(Capture c) {
        this.capture = c;
    }

    @Override
    public void record(long time, TraceKind kind, int node, long connection, long tcp, long value, Object detail) {
        long h = hash;
        h = step(h, time);
        h = step(h, kind.ordinal());
        h = step(h, node);
        h = step(h, connection);
        h = step(h, tcp);
        h = step(h, value);
        hash = fold(h, detail);
        int slot = (int) (count++ & (RING - 1));
        times[slot] = time;
        kinds[slot] = kind;
        nodes[slot] = node;
        conns[slot] = connection;
        tcps[slot] = tcp;
        values[slot] = value;
        details[slot] = detail;
        if (out != null) {
            TraceFormat.write(out, names, time, kind, node, connection, tcp, value, detail);
            try {
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (capture != null && time >= capture.from && time <= capture.to && (node < 0 || capture.nodes[node])) {
            if (capture.lines.size() >= capture.limit) {
                capture.lines.remove(0);
                capture.dropped++;
            }
            capture.lines.add(TraceFormat.line(names, time, kind, node, connection, tcp, value, detail));
        }
    }

    private static long step(long h, long v) {
        return (h ^ v) * 0x100000001b3L;
    }

    private static long fold(long h, Object detail) {
        if (detail == null) {
            return h;
        }
        if (detail instanceof byte[] bytes) {
            for (byte b : bytes) {
                h = (h ^ (b & 0xff)) * 0x100000001b3L;
            }
            return h;
        }
        if (detail instanceof NodeEvent.NodeUp up) {
            return step(step(step(step(h, up.node().hashCode()), up.nodeId()), up.creation()), up.direction().ordinal());
        }
        if (detail instanceof NodeEvent.NodeDown d) {
            return step(step(step(h, d.node().hashCode()), d.nodeId()), d.reason().ordinal());
        }
        if (detail instanceof NodeEvent.HandshakeFailed f) {
            return step(step(step(h, f.peer() == null ? 0 : f.peer().hashCode()), f.reason().ordinal()), f.direction().ordinal());
        }
        return step(h, detail.toString().hashCode());
    }

    /** Records so far. */
    public long records() {
        return count;
    }

    /** The trace hash: 16 hex digits. */
    public String hash() {
        long z = hash;
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return String.format("%016x", z ^ (z >>> 33));
    }

    /** The last {@code n} records (at most {@value #RING}), oldest first, as JSON lines. */
    public List<String> tail(int n) {
        int k = (int) Math.min(Math.min(n, RING), count);
        List<String> lines = new ArrayList<>(k);
        for (long i = count - k; i < count; i++) {
            int s = (int) (i & (RING - 1));
            lines.add(TraceFormat.line(names, times[s], kinds[s], nodes[s], conns[s], tcps[s], values[s], details[s]));
        }
        return lines;
    }
}
