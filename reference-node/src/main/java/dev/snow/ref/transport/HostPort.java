package dev.snow.ref.transport;

/**
 * A socket address as text, {@code host:port}, IPv6 literals in brackets ({@code [::1]:9001}):
 * the {@code address} override of a connect (docs/ADAPTER.md) and the {@code --listen} option.
 */
public record HostPort(String host, int port) {

    /**
     * Parses {@code host:port}.
     *
     * @param allowAnyPort when true port 0 ("let the system choose") is accepted
     * @throws IllegalArgumentException naming the rule broken and the value seen
     */
    public static HostPort parse(String text, boolean allowAnyPort) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("address must be host:port, was empty");
        }
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("address must be host:port, was \"" + text + "\"");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw new IllegalArgumentException("an IPv6 host must be in brackets ([::1]:9001), was \"" + text + "\"");
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("address has an empty host: \"" + text + "\"");
        }
        String digits = text.substring(colon + 1);
        int port = -1;
        if (digits.length() <= 5 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            port = Integer.parseInt(digits);
        }
        int min = allowAnyPort ? 0 : 1;
        if (port < min || port > 65535) {
            throw new IllegalArgumentException("port must be " + min + "..65535, was \"" + digits + "\" in \"" + text + "\"");
        }
        return new HostPort(host, port);
    }

    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
