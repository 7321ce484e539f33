package dev.snow.ref.text;

/**
 * Escapes and cuts peer-supplied text for human logs (LOG-1, LOG-2).
 * <pre>
 *   \                      ->  \\
 *   "                      ->  \"
 *   C0, DEL, C1 (U+0085)   ->  \u0085          control characters
 *   Cf, e.g. U+202E        ->  \u202E          bidi overrides, zero-width and other format characters
 *   Zl, Zp, Zs but ' '     ->  \u2028, \u00A0  separators other than the plain space
 *   Co, Cn, lone surrogate ->  \uE000          private-use, unassigned, malformed UTF-16
 *   supplementary escapes  ->  \U000F0000      the same classes above U+FFFF
 * </pre>
 * Everything else (letters, digits, punctuation, symbols, the space) is kept as it is.
 */
public final class Printable {
    /** LOG-2: a name in human text shows at most this many characters (code points) of the original. */
    public static final int NAME_MAX = 64;

    private Printable() {
    }

    /** {@code s} with every non-printing character, {@code \\} and {@code "} escaped (LOG-1); null stays null. */
    public static String text(String s) {
        return escape(s, true);
    }

    /**
     * {@code s} with every non-printing character escaped, {@code \\} and {@code "} kept: for text
     * the node composed itself, whose peer-supplied parts went through {@link #name} already.
     */
    public static String controls(String s) {
        return escape(s, false);
    }

    private static String escape(String s, boolean quotes) {
        if (s == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int width = Character.charCount(cp);
            String escape = !quotes && (cp == '\\' || cp == '"') ? null : escapeOf(cp);
            if (escape != null && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (escape != null) {
                    b.append(escape);
                } else {
                    b.appendCodePoint(cp);
                }
            }
            i += width;
        }
        return b == null ? s : b.toString();
    }

    /**
     * A peer-supplied name for human text: cut to {@link #NAME_MAX} characters, then escaped
     * (LOG-1, LOG-2). A cut name ends in {@code ...(N chars)} giving the original length.
     */
    public static String name(String s) {
        if (s == null) {
            return null;
        }
        int count = s.codePointCount(0, s.length());
        if (count <= NAME_MAX) {
            return text(s);
        }
        return text(s.substring(0, s.offsetByCodePoints(0, NAME_MAX))) + "...(" + count + " chars)";
    }

    /** {@link #name} in double quotes, as rule messages quote a value seen. */
    public static String quoted(String s) {
        return "\"" + name(s) + "\"";
    }

    private static String escapeOf(int cp) {
        if (cp == '\\') {
            return "\\\\";
        }
        if (cp == '"') {
            return "\\\"";
        }
        if (cp == ' ') {
            return null;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.SURROGATE:
                return cp <= 0xFFFF ? String.format("\\u%04X", cp) : String.format("\\U%08X", cp);
            default:
                return null;
        }
    }
}
