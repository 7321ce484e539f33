package dev.snow.conformance.container;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Whether a Docker engine may answer here, judged from the environment alone (DOCKER_HOST or a
 * Docker socket), so that a machine without Docker gets a one-line skip before Testcontainers,
 * whose own discovery can take long, is ever touched.
 */
public final class DockerEngine {
    private DockerEngine() {
    }

    /** Why no Docker engine can answer on this machine, in one line, or null when one may. */
    public static String whyAbsent() {
        return whyAbsent(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** As {@link #whyAbsent()}, for a given environment and home directory. */
    static String whyAbsent(Map<String, String> env, Path home) {
        String host = env.get("DOCKER_HOST");
        if (host != null && !host.isBlank()) {
            return null;
        }
        for (Path sock : sockets(env, home)) {
            if (Files.exists(sock)) {
                return null;
            }
        }
        return "no Docker engine (DOCKER_HOST unset, no /var/run/docker.sock, $XDG_RUNTIME_DIR/docker.sock or ~/.docker/run/docker.sock)";
    }

    private static List<Path> sockets(Map<String, String> env, Path home) {
        String runtime = env.get("XDG_RUNTIME_DIR");
        return List.of(Path.of("/var/run/docker.sock"),
                runtime == null ? Path.of("/var/run/docker.sock") : Path.of(runtime, "docker.sock"),
                home.resolve(".docker/run/docker.sock"), home.resolve(".docker/desktop/docker.sock"));
    }
}
