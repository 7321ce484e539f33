package dev.snow.ref.transport;

import java.util.Locale;

/**
 * Which TLS implementation the node uses: the JDK's SunJSSE (default, everywhere) or OpenSSL
 * through BoringSSL ({@code netty-tcnative-boringssl-static}, linux-x86_64 in the shipped jar),
 * which falls back to the JDK where the native library cannot load.
 */
public enum TlsProvider {
    JDK("jdk"),
    OPENSSL("openssl");

    private final String option;

    TlsProvider(String option) {
        this.option = option;
    }

    /** The spelling on the command line. */
    public String option() {
        return option;
    }

    public static TlsProvider parse(String text) {
        for (TlsProvider p : values()) {
            if (p.option.equals(text.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("TLS provider must be jdk or openssl, was \"" + text + "\"");
    }
}
