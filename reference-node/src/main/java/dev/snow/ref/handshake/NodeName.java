package dev.snow.ref.handshake;

import dev.snow.ref.text.Printable;
import dev.snow.ref.wire.Limits;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A node name, {@code alive@host} or {@code alive@host:port} (NAME-1..NAME-4).
 * <ul>
 *   <li>alive: one or more of {@code [A-Za-z0-9_-]};</li>
 *   <li>host: non-empty, no {@code @}, no {@code :} unless it is a bracketed IPv6 literal
 *       such as {@code [::1]};</li>
 *   <li>port: decimal 1..65535 without a leading zero, optional; absent means {@link #DEFAULT_PORT};</li>
 *   <li>the whole name is 1..255 bytes of UTF-8.</li>
 * </ul>
 * Names compare as exact byte strings: {@code a@h} and {@code a@h:9000} are different names
 * even though they listen on the same port (NAME-4). {@link #compareTo} is the unsigned
 * byte-wise order used by the simultaneous-connect tiebreak (TIE-1).
 */
public final class NodeName implements Comparable<NodeName> {
    public static final int DEFAULT_PORT = 9000;

    private final String full;
    private final byte[] utf8;
    private final String alive;
    private final String host;
    private final int port;

    private NodeName(String full, byte[] utf8, String alive, String host, int port) {
        this.full = full;
        this.utf8 = utf8;
        this.alive = alive;
        this.host = host;
        this.port = port;
    }

    /** Parses and validates {@code name}; the exception names the rule broken and the value seen. */
    public static NodeName parse(String name) throws InvalidNameException {
        return parse(name, java.util.Set.of());
    }

    /**
     * As {@link #parse(String)}, with the checks of {@code broken} skipped: NAME-1 (the alive
     * part's characters), NAME-2 (the 255-byte limit). Only conformance mutants pass any.
     */
    public static NodeName parse(String name, java.util.Set<String> broken) throws InvalidNameException {
        if (name == null) {
            throw new InvalidNameException("NAME-2", "name is missing");
        }
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        if (utf8.length < 1 || (utf8.length > Limits.MAX_NAME_BYTES && !broken.contains("NAME-2"))) {
            throw new InvalidNameException("NAME-2", "name is " + utf8.length + " bytes; it must be 1..255: " + quote(name));
        }
        int at = name.indexOf('@');
        if (at < 0) {
            throw new InvalidNameException("NAME-1", "name has no '@' (expected alive@host[:port]): " + quote(name));
        }
        String alive = name.substring(0, at);
        if (alive.isEmpty()) {
            throw new InvalidNameException("NAME-1", "alive part before '@' is empty: " + quote(name));
        }
        for (int i = 0; i < alive.length(); i++) {
            char c = alive.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!ok && !broken.contains("NAME-1")) {
                throw new InvalidNameException("NAME-1", "alive part may only hold [A-Za-z0-9_-], found "
                        + quote(String.valueOf(c)) + " in " + quote(name));
            }
        }
        String rest = name.substring(at + 1);
        String host;
        String portText = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new InvalidNameException("NAME-1", "IPv6 host has no closing ']': " + quote(name));
            }
            host = rest.substring(0, close + 1);
            String after = rest.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw new InvalidNameException("NAME-1", "unexpected text after the IPv6 host: " + quote(name));
                }
                portText = after.substring(1);
            }
            if (host.length() == 2) {
                throw new InvalidNameException("NAME-1", "host is empty: " + quote(name));
            }
        } else {
            int colon = rest.indexOf(':');
            host = colon < 0 ? rest : rest.substring(0, colon);
            if (colon >= 0) {
                portText = rest.substring(colon + 1);
            }
        }
        if (host.isEmpty()) {
            throw new InvalidNameException("NAME-1", "host is empty: " + quote(name));
        }
        if (host.indexOf('@') >= 0) {
            throw new InvalidNameException("NAME-1", "host contains '@': " + quote(name));
        }
        if (!host.startsWith("[") && host.indexOf(':') >= 0) {
            throw new InvalidNameException("NAME-1", "host contains ':' (bracket IPv6 literals): " + quote(name));
        }
        int port = DEFAULT_PORT;
        if (portText != null) {
            port = parsePort(portText, name);
        }
        return new NodeName(name, utf8, alive, host, port);
    }

    /** True when {@code name} is a valid node name. */
    public static boolean isValid(String name) {
        try {
            parse(name);
            return true;
        } catch (InvalidNameException e) {
            return false;
        }
    }

    private static int parsePort(String text, String name) throws InvalidNameException {
        if (text.isEmpty() || text.length() > 5 || text.charAt(0) == '0') {
            throw new InvalidNameException("NAME-1", "port must be decimal 1..65535, found " + quote(text) + " in " + quote(name));
        }
        int port = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidNameException("NAME-1", "port must be decimal 1..65535, found " + quote(text) + " in " + quote(name));
            }
            port = port * 10 + (c - '0');
        }
        if (port < 1 || port > 65535) {
            throw new InvalidNameException("NAME-1", "port must be decimal 1..65535, found " + port + " in " + quote(name));
        }
        return port;
    }

    /** The value seen, escaped and cut for human text (LOG-1, LOG-2): invalid names come from peers. */
    private static String quote(String s) {
        return Printable.quoted(s);
    }

    /** The name exactly as written; this is what goes on the wire and what is compared. */
    public String full() {
        return full;
    }

    public String alive() {
        return alive;
    }

    /** The host, IPv6 literals with their brackets. */
    public String host() {
        return host;
    }

    /** The host without IPv6 brackets, for address resolution. */
    public String hostForDialling() {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    /** The explicit port, or 9000 (NAME-3). */
    public int port() {
        return port;
    }

    /** Unsigned byte-wise order of the UTF-8 bytes (TIE-1). */
    @Override
    public int compareTo(NodeName other) {
        return Arrays.compareUnsigned(utf8, other.utf8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeName other && full.equals(other.full);
    }

    @Override
    public int hashCode() {
        return full.hashCode();
    }

    @Override
    public String toString() {
        return full;
    }
}
