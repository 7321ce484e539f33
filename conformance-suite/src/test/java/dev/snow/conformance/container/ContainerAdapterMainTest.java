package dev.snow.conformance.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bridge's mistakes and its no-Docker answer: one line, a status the harness can tell apart. */
class ContainerAdapterMainTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedErr;

    @BeforeEach
    void captureStderr() {
        savedErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(savedErr);
    }

    @Test
    void usageMistakesAreStatus2WithOneMessage() {
        assertThat(ContainerAdapterMain.execute()).isEqualTo(2);
        assertThat(stderr()).contains("Missing required parameter: 'IMAGE'").contains("Try 'snow-container-adapter --help'");

        err.reset();
        assertThat(ContainerAdapterMain.execute("Not An Image")).isEqualTo(2);
        assertThat(stderr()).contains("is not a Docker image reference");

        err.reset();
        assertThat(ContainerAdapterMain.execute("--env", "no-equals", "snow")).isEqualTo(2);
        assertThat(stderr()).contains("--env wants NAME=VALUE, found \"no-equals\"");
    }

    @Test
    void withoutADockerEngineItSaysSkippedOnceAndExits3() {
        assumeTrue(DockerEngine.whyAbsent() != null, "a Docker engine may answer here");

        assertThat(ContainerAdapterMain.execute("snow-node:1")).isEqualTo(ContainerAdapterMain.NO_DOCKER);

        assertThat(stderr().lines()).singleElement().asString().startsWith("snow-container-adapter: SKIPPED snow-node:1: no Docker engine");
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
