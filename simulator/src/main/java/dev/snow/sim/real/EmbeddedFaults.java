package dev.snow.sim.real;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.net.URI;

/**
 * The embedded Toxiproxy-compatible server of the faultproxy module ({@code dev.snow.faultproxy.FaultServer})
 * on 127.0.0.1 and a free port, in this JVM, driven like any Toxiproxy through the official client.
 * It has the seeded {@code loss} toxic.
 */
final class EmbeddedFaults implements FaultApi {
    static final String SERVER = "dev.snow.faultproxy.FaultServer";

    private final AutoCloseable server;
    private final String url;
    private final ToxiproxyClient client;

    private EmbeddedFaults(AutoCloseable server, String url) {
        this.server = server;
        this.url = url;
        URI u = URI.create(url);
        this.client = new ToxiproxyClient(u.getHost(), u.getPort());
    }

    /** Whether the faultproxy module is on the class path. */
    static boolean available() {
        try {
            Class.forName(SERVER);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static EmbeddedFaults start() throws IOException {
        if (!available()) {
            throw new IOException("embedded: the faultproxy module (" + SERVER + ") is not in this build; use --faults url with TOXIPROXY_URL");
        }
        try {
            Class<?> c = Class.forName(SERVER);
            Object s = c.getMethod("start", String.class, int.class).invoke(null, "127.0.0.1", 0);
            String url = (String) c.getMethod("url").invoke(s);
            return new EmbeddedFaults((AutoCloseable) s, url);
        } catch (ReflectiveOperationException | ClassCastException e) {
            Throwable t = e.getCause() != null ? e.getCause() : e;
            throw new IOException("embedded: cannot start " + SERVER + ": " + t, t);
        }
    }

    @Override
    public String describe() {
        return "embedded: faultproxy at " + url;
    }

    @Override
    public ToxiproxyClient client() {
        return client;
    }

    @Override
    public String apiBase() {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public boolean hasLossToxic() {
        return true;
    }

    @Override
    public void close() throws IOException {
        try {
            server.close();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
