package dev.snow.sim.real;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;

/**
 * A Toxiproxy-compatible server the runner talks to with the official client, and how the
 * processes reach its proxies: where a proxy listens, what upstream address reaches a node
 * listening on a loopback port, and which address a dialler gives to {@code connect}.
 */
interface FaultApi extends AutoCloseable {

    /** One line: the mode and the server, for the run's header. */
    String describe();

    ToxiproxyClient client();

    /** The HTTP base of the API (http://host:port), for the one toxic the client has no type for ({@code loss}). */
    String apiBase();

    /** Whether the server has the seeded {@code loss} toxic (the embedded one); else loss maps to latency + jitter. */
    boolean hasLossToxic();

    /** The {@code listen} of the {@code index}-th proxy. */
    default String listenFor(int index) {
        return "127.0.0.1:0";
    }

    /** The {@code upstream} that reaches a node listening on 127.0.0.1:{@code port}. */
    default String upstreamFor(int port) {
        return "127.0.0.1:" + port;
    }

    /** The {@code address} a dialler gives to reach a proxy whose {@code listen} the server reported. */
    default String dialAddress(String listen) {
        int colon = listen.lastIndexOf(':');
        return "127.0.0.1:" + listen.substring(colon + 1);
    }

    /** Makes the nodes' loopback ports reachable from the server (a container needs it). */
    default void exposeHostPorts(int... ports) {
    }

    @Override
    void close() throws IOException;
}
