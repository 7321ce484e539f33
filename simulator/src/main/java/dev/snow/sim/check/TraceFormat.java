package dev.snow.sim.check;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.snow.ref.node.NodeEvent;
import dev.snow.ref.wire.DecodeResult;
import dev.snow.ref.wire.Frame;
import dev.snow.ref.wire.FrameDecoder;
import dev.snow.sim.engine.TraceKind;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * One trace record as one JSON object (a line of a {@code .jsonl} trace):
 * <pre>
 * {"t":"1.000000000","kind":"deliver","node":"b@sim","conn":1,"tcp":1,"len":14,"frames":["NAME a@sim creation 3"]}
 * </pre>
 * {@code t} is virtual seconds with nine decimals; {@code conn} the node core's connection id;
 * {@code tcp} the simulated TCP connection both ends share; delivered bytes are shown as the
 * frames they hold.
 */
public final class TraceFormat {
    private static final JsonFactory JSON = new JsonFactory();

    private TraceFormat() {
    }

    public static String line(String[] names, long time, TraceKind kind, int node, long conn, long tcp, long value,
                              Object detail) {
        StringWriter w = new StringWriter(128);
        write(w, names, time, kind, node, conn, tcp, value, detail);
        return w.toString();
    }

    static void write(Writer out, String[] names, long time, TraceKind kind, int node, long conn, long tcp, long value,
                      Object detail) {
        try {
            JsonGenerator g = JSON.createGenerator(out);
            g.writeStartObject();
            g.writeFieldName("t");
            g.writeString(seconds(time));
            g.writeStringField("kind", kind.jsonName());
            if (node >= 0) {
                g.writeStringField("node", names[node]);
            }
            if (conn >= 0) {
                g.writeNumberField("conn", conn);
            }
            if (tcp >= 0) {
                g.writeNumberField("tcp", tcp);
            }
            fields(g, kind, value, detail);
            g.writeEndObject();
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fields(JsonGenerator g, TraceKind kind, long value, Object detail) throws IOException {
        if (detail instanceof byte[] bytes) {
            g.writeNumberField("len", bytes.length);
            g.writeArrayFieldStart("frames");
            for (String f : frames(bytes)) {
                g.writeString(f);
            }
            g.writeEndArray();
        } else if (detail instanceof NodeEvent.NodeUp up) {
            g.writeStringField("peer", up.node());
            g.writeNumberField("node_id", up.nodeId());
            g.writeNumberField("creation", up.creation());
            g.writeStringField("direction", up.direction().wireName());
        } else if (detail instanceof NodeEvent.NodeDown down) {
            g.writeStringField("peer", down.node());
            g.writeNumberField("node_id", down.nodeId());
            g.writeStringField("reason", down.reason().wireName());
            g.writeStringField("detail", down.detail());
        } else if (detail instanceof NodeEvent.HandshakeFailed f) {
            if (f.peer() != null) {
                g.writeStringField("peer", f.peer());
            }
            g.writeStringField("direction", f.direction().wireName());
            g.writeStringField("reason", f.reason().wireName());
            g.writeStringField("detail", f.detail());
        } else {
            if (kind == TraceKind.START || kind == TraceKind.RETRANSMIT) {
                g.writeNumberField(kind == TraceKind.START ? "creation" : "retransmission", value);
            }
            if (detail != null) {
                g.writeStringField("detail", detail.toString());
            }
        }
    }

    /** The frames in {@code bytes}, each as a short text; a partial frame shows as such. */
    static List<String> frames(byte[] bytes) {
        List<String> out = new ArrayList<>();
        FrameDecoder d = new FrameDecoder();
        d.feed(bytes);
        while (true) {
            DecodeResult r = d.next();
            if (r instanceof DecodeResult.Decoded dec) {
                out.add(frame(dec.frame()));
            } else if (r instanceof DecodeResult.Malformed m) {
                out.add("malformed: " + m.violation());
                return out;
            } else {
                if (d.buffered() > 0) {
                    out.add("partial frame, " + d.buffered() + " bytes");
                }
                return out;
            }
        }
    }

    private static String frame(Frame f) {
        if (f instanceof Frame.Name n) {
            return "NAME " + n.name() + " creation " + n.creation();
        } else if (f instanceof Frame.StatusChallenge s) {
            return "STATUS_CHALLENGE " + s.status().wireName() + " " + s.name() + " creation " + s.creation();
        } else if (f instanceof Frame.Ping p) {
            return "PING " + Long.toHexString(p.payload());
        } else if (f instanceof Frame.Pong p) {
            return "PONG " + Long.toHexString(p.payload());
        }
        return f.tag().name();
    }

    public static String seconds(long nanos) {
        String sign = nanos < 0 ? "-" : "";
        long a = Math.abs(nanos);
        String frac = Long.toString(a % 1_000_000_000L);
        return sign + a / 1_000_000_000L + "." + "000000000".substring(frac.length()) + frac;
    }
}
