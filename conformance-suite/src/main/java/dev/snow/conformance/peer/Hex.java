package dev.snow.conformance.peer;

/** Hex helpers for transcripts, vectors and the adapter's time_compare. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    public static String of(byte[] b) {
        return of(b, 0, b.length);
    }

    public static String of(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len * 2);
        for (int i = off; i < off + len; i++) {
            sb.append(DIGITS[(b[i] >> 4) & 0xf]).append(DIGITS[b[i] & 0xf]);
        }
        return sb.toString();
    }

    /** Space-separated bytes, 16 per line, each line indented by {@code indent}. */
    public static String dump(byte[] b, String indent) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.length; i++) {
            if (i % 16 == 0) {
                if (i > 0) {
                    sb.append('\n');
                }
                sb.append(indent);
            } else {
                sb.append(' ');
            }
            sb.append(DIGITS[(b[i] >> 4) & 0xf]).append(DIGITS[b[i] & 0xf]);
        }
        return sb.toString();
    }

    /** Parses hex digits, ignoring whitespace. */
    public static byte[] parse(String hex) {
        String s = hex.replaceAll("\\s+", "");
        if (s.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits: " + s.length());
        }
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(s.charAt(2 * i), 16);
            int lo = Character.digit(s.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("not a hex digit near offset " + 2 * i + ": " + s.substring(2 * i, 2 * i + 2));
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }
}
