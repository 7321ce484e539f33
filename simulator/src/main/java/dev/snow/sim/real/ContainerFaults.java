package dev.snow.sim.real;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.Testcontainers;
import org.testcontainers.toxiproxy.ToxiproxyContainer;

/**
 * A Toxiproxy in a Testcontainers {@code ToxiproxyContainer}, only where a Docker engine answers.
 * The container reaches the nodes (on the host's loopback) as {@code host.testcontainers.internal}
 * through Testcontainers' host-port exposure; the nodes reach the proxies through the container's
 * mapped ports on the host. Proxy {@code i} listens on container port 8666 + i (the 32 ports the
 * image exposes, 8666..8697: 16 node pairs).
 */
final class ContainerFaults implements FaultApi {
    static final String IMAGE = "ghcr.io/shopify/toxiproxy:2.12.0";
    static final int FIRST_PROXY_PORT = 8666;
    static final int PROXY_PORTS = 32;

    private final ToxiproxyContainer container;
    private final ToxiproxyClient client;

    private ContainerFaults(ToxiproxyContainer container) {
        this.container = container;
        this.client = new ToxiproxyClient(container.getHost(), container.getControlPort());
    }

    /**
     * Why no Docker engine can answer here, in one line, or null when one might: checked before
     * Testcontainers is touched, so a machine without Docker gets a skip line, never an error or a hang.
     */
    static String whyNoDocker() {
        String host = System.getenv("DOCKER_HOST");
        if (host != null && !host.isBlank()) {
            return null;
        }
        for (String sock : new String[] {"/var/run/docker.sock", System.getProperty("user.home") + "/.docker/run/docker.sock",
            System.getProperty("user.home") + "/.docker/desktop/docker.sock"}) {
            if (Files.exists(Path.of(sock))) {
                return null;
            }
        }
        return "no Docker engine (DOCKER_HOST unset, no /var/run/docker.sock or ~/.docker/run/docker.sock)";
    }

    /** Starts the container with the nodes' ports exposed to it; {@link DockerUnavailable} when Docker does not answer. */
    static ContainerFaults start(int... nodePorts) throws DockerUnavailable {
        String why = whyNoDocker();
        if (why == null && !DockerClientFactory.instance().isDockerAvailable()) {
            why = "Testcontainers found no working Docker engine";
        }
        if (why != null) {
            throw new DockerUnavailable(why);
        }
        for (int p : nodePorts) {
            Testcontainers.exposeHostPorts(p);
        }
        ToxiproxyContainer c = new ToxiproxyContainer(IMAGE);
        c.withAccessToHost(true);
        c.start();
        return new ContainerFaults(c);
    }

    /** Docker is missing: the run is skipped with this one-line reason. */
    static final class DockerUnavailable extends Exception {
        DockerUnavailable(String why) {
            super(why);
        }
    }

    @Override
    public String describe() {
        return "testcontainers: " + IMAGE + " at " + container.getHost() + ":" + container.getControlPort();
    }

    @Override
    public ToxiproxyClient client() {
        return client;
    }

    @Override
    public String apiBase() {
        return "http://" + container.getHost() + ":" + container.getControlPort();
    }

    @Override
    public boolean hasLossToxic() {
        return false;
    }

    @Override
    public String listenFor(int index) {
        if (index >= PROXY_PORTS) {
            throw new IllegalStateException("a ToxiproxyContainer exposes " + PROXY_PORTS + " proxy ports; this scenario needs more directed links");
        }
        return "0.0.0.0:" + (FIRST_PROXY_PORT + index);
    }

    @Override
    public String upstreamFor(int port) {
        return "host.testcontainers.internal:" + port;
    }

    @Override
    public String dialAddress(String listen) {
        int containerPort = Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
        return container.getHost() + ":" + container.getMappedPort(containerPort);
    }

    @Override
    public void exposeHostPorts(int... ports) {
        for (int p : ports) {
            Testcontainers.exposeHostPorts(p);
        }
    }

    @Override
    public void close() {
        container.stop();
    }
}
