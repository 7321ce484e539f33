package dev.snow.sim.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The replay line works from the directory the user ran snow-sim in, not only from the project root. */
class ReplayLineTest {
    private final String userDir = System.getProperty("user.dir");

    @AfterEach
    void restore() {
        System.clearProperty("snow.sim.launcher");
        System.setProperty("user.dir", userDir);
    }

    @Test
    void theLauncherIsNamedRelativeToTheWorkingDirectory() {
        System.setProperty("snow.sim.launcher", "/work/project/bin/snow-sim");
        System.setProperty("user.dir", "/work/project/scenarios");
        assertThat(FailureReport.replayCommand("one.yaml", 7)).isEqualTo("../bin/snow-sim run one.yaml --seed 7");
        System.setProperty("user.dir", "/work/project");
        assertThat(FailureReport.replayCommand("scenarios/one.yaml", 7)).isEqualTo("bin/snow-sim run scenarios/one.yaml --seed 7");
        System.setProperty("user.dir", "/work/project/bin");
        assertThat(FailureReport.replayCommand("../scenarios/one.yaml", 7)).startsWith("./snow-sim run");
    }

    @Test
    void withoutTheLauncherItAssumesTheProjectRoot() {
        assertThat(FailureReport.replayCommand("scenarios/one.yaml", 3)).isEqualTo("bin/snow-sim run scenarios/one.yaml --seed 3");
    }
}
