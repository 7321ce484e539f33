package dev.snow.sim.real;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.net.URI;

/** A toxiproxy-server that is already running, at {@code TOXIPROXY_URL}; loopback only. */
final class UrlFaults implements FaultApi {
    private final String base;
    private final ToxiproxyClient client;
    private final String version;

    UrlFaults(String url) throws IOException {
        URI u;
        try {
            u = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IOException("TOXIPROXY_URL is not a URL: '" + url + "'");
        }
        if (u.getHost() == null || u.getPort() < 0) {
            throw new IOException("TOXIPROXY_URL must be http://HOST:PORT, was '" + url + "'");
        }
        if (!Loopback.is(u.getHost())) {
            throw new IOException("TOXIPROXY_URL must be a loopback address (127.0.0.0/8, ::1, localhost), was " + u.getHost());
        }
        this.base = "http://" + u.getHost() + ":" + u.getPort();
        this.client = new ToxiproxyClient(u.getHost(), u.getPort());
        try {
            this.version = client.version();
        } catch (IOException e) {
            throw new IOException("no Toxiproxy answers at TOXIPROXY_URL=" + url + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "url: Toxiproxy " + version.trim() + " at " + base;
    }

    @Override
    public ToxiproxyClient client() {
        return client;
    }

    @Override
    public String apiBase() {
        return base;
    }

    @Override
    public boolean hasLossToxic() {
        return false;
    }

    @Override
    public void close() {
        // not ours to stop; the runner deletes the proxies it made
    }
}
