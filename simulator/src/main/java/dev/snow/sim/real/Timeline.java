package dev.snow.sim.real;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snow.sim.check.TraceFormat;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The run as JSON lines: every action, proxy operation, command, reply and adapter event, with
 * {@code t} (scenario seconds, the wall clock divided by the time scale) and {@code wall_ms}
 * (milliseconds since the start of the timeline). Kept in memory for the failure report and
 * written to a file as it goes when asked.
 */
final class Timeline implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> lines = new ArrayList<>();
    private final Writer out;

    Timeline(Path file) throws IOException {
        this.out = file == null ? null : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    /** Records {@code kind} for {@code node} (may be null) at scenario time {@code t} ns, wall {@code wallMs}. */
    synchronized void add(long t, long wallMs, String kind, String node, Map<String, ?> fields) {
        ObjectNode o = JSON.createObjectNode();
        o.put("t", TraceFormat.seconds(Math.max(0, t)));
        o.put("wall_ms", wallMs);
        o.put("kind", kind);
        if (node != null) {
            o.put("node", node);
        }
        for (Map.Entry<String, ?> f : fields.entrySet()) {
            o.set(f.getKey(), JSON.valueToTree(f.getValue()));
        }
        String line = o.toString();
        lines.add(line);
        if (out != null) {
            try {
                out.write(line);
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                // the in-memory copy still has it; the report says the file is incomplete
            }
        }
    }

    synchronized int size() {
        return lines.size();
    }

    /** Prints the last {@code max} lines, indented. */
    synchronized void print(PrintStream p, int max) {
        int from = Math.max(0, lines.size() - max);
        if (from > 0) {
            p.println("    ... " + from + " earlier records left out (--timeline FILE keeps them all)");
        }
        for (int i = from; i < lines.size(); i++) {
            p.println("    " + lines.get(i));
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
