package dev.snow.conformance.peer;

/**
 * The wire transcript of one test: every connection event and every byte in both directions,
 * as hex plus the tester's decoding, stamped relative to the transcript's start.
 * <pre>
 *   +   0.004s c1 &gt; 22 bytes  NAME name="t-1@127.0.0.1" creation=3
 *                 00 00 00 12 01 00 0d 74 2d 31 40 31 32 37 2e 30
 *                 2e 30 2e 31 03
 *   +   0.007s c1 &lt; EOF (closed by the IUT)
 * </pre>
 * {@code >} is tester to IUT, {@code <} IUT to tester. Thread-safe. Long-running tests (timing)
 * may {@link #setQuiet(boolean) quieten} it to notes only; past {@link #MAX_CHARS} it truncates.
 */
public final class Transcript {
    public static final int MAX_CHARS = 4_000_000;

    private final long start = System.nanoTime();
    private final StringBuilder text = new StringBuilder();
    private boolean quiet;
    private boolean truncated;

    public synchronized void setQuiet(boolean quiet) {
        this.quiet = quiet;
    }

    /** A free-text line (the test's own narration, connection events). */
    public void note(String connection, String line) {
        append(stamp(System.nanoTime()) + " " + connection + " " + line + "\n", true);
    }

    public void sent(String connection, byte[] bytes, long atNanos) {
        append(stamp(atNanos) + " " + connection + " > " + bytes.length + " bytes  " + describe(bytes) + "\n"
                + Hex.dump(bytes, "              ") + "\n", false);
    }

    public void received(String connection, byte[] raw, String decoded, long atNanos) {
        append(stamp(atNanos) + " " + connection + " < " + raw.length + " bytes  " + decoded + "\n"
                + Hex.dump(raw, "              ") + "\n", false);
    }

    public void event(String connection, String what, long atNanos) {
        append(stamp(atNanos) + " " + connection + " " + what + "\n", true);
    }

    public synchronized String text() {
        return text.toString();
    }

    private synchronized void append(String s, boolean always) {
        if ((quiet && !always) || truncated) {
            return;
        }
        if (text.length() + s.length() > MAX_CHARS) {
            text.append("... transcript truncated at ").append(MAX_CHARS).append(" characters\n");
            truncated = true;
            return;
        }
        text.append(s);
    }

    private String stamp(long atNanos) {
        return String.format("+%8.3fs", (atNanos - start) / 1e9);
    }

    /** The tester's decoding of bytes it sends: whole frames, or why they are not. */
    static String describe(byte[] bytes) {
        FrameParser p = new FrameParser();
        p.feed(bytes);
        StringBuilder sb = new StringBuilder();
        while (true) {
            ParseResult r = p.next();
            if (r instanceof ParseResult.Decoded d) {
                sb.append(sb.length() == 0 ? "" : " + ").append(d.frame().describe());
                continue;
            }
            if (r instanceof ParseResult.Violation v) {
                sb.append(sb.length() == 0 ? "" : " + ").append("malformed on purpose? (").append(v).append(')');
            } else if (p.pending() > 0) {
                sb.append(sb.length() == 0 ? "" : " + ").append("partial frame (").append(p.pending()).append(" bytes)");
            }
            return sb.toString();
        }
    }
}
