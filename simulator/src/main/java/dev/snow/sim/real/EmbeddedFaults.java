package dev.snow.sim.real;

import dev.snow.faultproxy.FaultServer;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;

/**
 * The embedded Toxiproxy-compatible server of the faultproxy module ({@link FaultServer}) on
 * 127.0.0.1 and a free port, in this JVM, driven like any Toxiproxy through the official client.
 * It has the seeded {@code loss} toxic.
 */
final class EmbeddedFaults implements FaultApi {
    private final FaultServer server;
    private final String url;
    private final ToxiproxyClient client;

    private EmbeddedFaults(FaultServer server) {
        this.server = server;
        this.url = server.url();
        this.client = new ToxiproxyClient("127.0.0.1", server.port());
    }

    static EmbeddedFaults start() throws IOException {
        return new EmbeddedFaults(FaultServer.start("127.0.0.1", 0));
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
    public void close() {
        server.close();
    }
}
