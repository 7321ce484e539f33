package dev.snow.conformance.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything exchanged with one adapter process, in order: the JSON lines the suite sent, the
 * lines the adapter wrote on stdout and on stderr, each stamped. Tests slice it by
 * {@link #mark()} so each test gets its own exchange and stderr.
 */
public final class AdapterLog {
    /** Where a line travelled. */
    public enum Stream { SENT, STDOUT, STDERR }

    public record Line(long atNanos, Stream stream, String text) {
    }

    private final long start = System.nanoTime();
    private final List<Line> lines = new ArrayList<>();

    synchronized void add(Stream stream, String text) {
        lines.add(new Line(System.nanoTime(), stream, text));
    }

    /** The position of the next line. */
    public synchronized int mark() {
        return lines.size();
    }

    public synchronized List<Line> since(int mark) {
        return new ArrayList<>(lines.subList(Math.min(mark, lines.size()), lines.size()));
    }

    /** The JSON exchange since {@code mark}: {@code > sent}, {@code < received}, stamped. */
    public String exchange(int mark) {
        return render(mark, Stream.SENT, Stream.STDOUT);
    }

    /** The adapter's stderr since {@code mark}. */
    public String stderr(int mark) {
        return render(mark, Stream.STDERR, Stream.STDERR);
    }

    /** The last {@code n} stderr lines, for failure messages. */
    public synchronized String stderrTail(int n) {
        List<String> tail = new ArrayList<>();
        for (int i = lines.size() - 1; i >= 0 && tail.size() < n; i--) {
            if (lines.get(i).stream() == Stream.STDERR) {
                tail.add(0, lines.get(i).text());
            }
        }
        return tail.isEmpty() ? "(nothing on stderr)" : String.join("\n", tail);
    }

    private String render(int mark, Stream a, Stream b) {
        StringBuilder sb = new StringBuilder();
        for (Line l : since(mark)) {
            if (l.stream() != a && l.stream() != b) {
                continue;
            }
            String dir = l.stream() == Stream.SENT ? "> " : l.stream() == Stream.STDOUT ? "< " : "";
            sb.append(String.format("+%8.3fs ", (l.atNanos() - start) / 1e9)).append(dir).append(l.text()).append('\n');
        }
        return sb.toString();
    }
}
