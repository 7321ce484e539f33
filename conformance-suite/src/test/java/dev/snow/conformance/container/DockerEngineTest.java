package dev.snow.conformance.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Docker is looked for in the environment only: DOCKER_HOST or a socket file. */
class DockerEngineTest {
    @TempDir
    Path home;

    @Test
    void dockerHostOrAUserSocketMeansAnEngineMayAnswer() throws Exception {
        assertThat(DockerEngine.whyAbsent(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375"), home)).isNull();

        Files.createDirectories(home.resolve(".docker/run"));
        Files.writeString(home.resolve(".docker/run/docker.sock"), "");
        assertThat(DockerEngine.whyAbsent(Map.of(), home)).isNull();

        Path runtime = Files.createDirectories(home.resolve("xdg"));
        Files.writeString(runtime.resolve("docker.sock"), "");
        assertThat(DockerEngine.whyAbsent(Map.of("XDG_RUNTIME_DIR", runtime.toString()), home.resolve("nobody"))).isNull();
    }

    @Test
    void nothingAtAllIsOneLineThatSaysWhereItLooked() {
        String why = DockerEngine.whyAbsent(Map.of("DOCKER_HOST", " "), home);
        if (Files.exists(Path.of("/var/run/docker.sock"))) {
            assertThat(why).isNull();
        } else {
            assertThat(why).startsWith("no Docker engine").contains("DOCKER_HOST unset").contains("/var/run/docker.sock").doesNotContain("\n");
        }
    }
}
