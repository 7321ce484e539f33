package dev.snow.sim.real;

import java.util.Locale;

/**
 * Where the Toxiproxy-compatible server comes from ({@code --faults}, or {@code -Dfaults}):
 * <ul>
 *   <li>{@code url}: a toxiproxy-server at {@code TOXIPROXY_URL} (e.g. http://127.0.0.1:8474);</li>
 *   <li>{@code testcontainers}: a Testcontainers {@code ToxiproxyContainer}, only where a Docker engine answers;</li>
 *   <li>{@code embedded}: the Java server of the faultproxy module, in this JVM;</li>
 *   <li>{@code auto}: {@code url} when {@code TOXIPROXY_URL} is set, else {@code embedded}.</li>
 * </ul>
 */
public enum FaultMode {
    AUTO, URL, TESTCONTAINERS, EMBEDDED;

    public static FaultMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("faults mode must be auto, url, testcontainers or embedded, was '" + text + "'");
        }
    }

    /** {@code auto} made concrete from the environment; the others as they are. */
    public FaultMode resolve(String toxiproxyUrl) {
        if (this != AUTO) {
            return this;
        }
        return toxiproxyUrl != null && !toxiproxyUrl.isBlank() ? URL : EMBEDDED;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
