package dev.snow.ref.adapter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads {@code \n}-terminated UTF-8 lines (a trailing {@code \r} dropped) without ever holding
 * more than {@link #MAX_LINE} bytes of one: a longer line is skipped to its end and reported as
 * {@link #TOO_LONG}.
 */
final class LineReader {
    static final int MAX_LINE = 1 << 20;
    /** Returned (by identity) for a line longer than {@link #MAX_LINE}. */
    static final String TOO_LONG = new String("<line too long>");

    private final InputStream in;
    private final byte[] buf = new byte[8192];
    private int pos;
    private int end;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line, {@link #TOO_LONG}, or null at end of input. */
    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean tooLong = false;
        while (true) {
            if (pos == end) {
                end = in.read(buf);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    if (line.size() == 0 && !tooLong) {
                        return null;
                    }
                    return tooLong ? TOO_LONG : decode(line);
                }
            }
            int start = pos;
            while (pos < end && buf[pos] != '\n') {
                pos++;
            }
            int n = pos - start;
            if (!tooLong && line.size() + n > MAX_LINE) {
                tooLong = true;
                line.reset();
            }
            if (!tooLong) {
                line.write(buf, start, n);
            }
            if (pos < end) {
                pos++;
                return tooLong ? TOO_LONG : decode(line);
            }
        }
    }

    private static String decode(ByteArrayOutputStream line) {
        String s = line.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
