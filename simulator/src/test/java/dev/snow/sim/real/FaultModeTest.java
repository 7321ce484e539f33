package dev.snow.sim.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** -Dfaults / --faults: auto picks url when TOXIPROXY_URL is set, else the embedded server. */
class FaultModeTest {

    @Test
    void autoFollowsTheEnvironment() {
        assertThat(FaultMode.AUTO.resolve("http://127.0.0.1:8474")).isEqualTo(FaultMode.URL);
        assertThat(FaultMode.AUTO.resolve(null)).isEqualTo(FaultMode.EMBEDDED);
        assertThat(FaultMode.AUTO.resolve(" ")).isEqualTo(FaultMode.EMBEDDED);
        assertThat(FaultMode.TESTCONTAINERS.resolve("http://127.0.0.1:8474")).isEqualTo(FaultMode.TESTCONTAINERS);
    }

    @Test
    void parsesTheFourNamesAndNamesTheBadOne() {
        assertThat(FaultMode.parse("Embedded")).isEqualTo(FaultMode.EMBEDDED);
        assertThat(FaultMode.parse("testcontainers").wire()).isEqualTo("testcontainers");
        assertThatThrownBy(() -> FaultMode.parse("docker")).hasMessageContaining("'docker'");
    }

    @Test
    void urlModeRefusesANonLoopbackServer() {
        assertThatThrownBy(() -> new UrlFaults("http://10.1.2.3:8474")).hasMessageContaining("loopback");
        assertThatThrownBy(() -> new UrlFaults("127.0.0.1")).hasMessageContaining("http://HOST:PORT");
    }

    @Test
    void testcontainersModeSaysWhyThereIsNoDockerWithoutTouchingIt() {
        String why = ContainerFaults.whyNoDocker();
        if (System.getenv("DOCKER_HOST") == null && !new java.io.File("/var/run/docker.sock").exists()
                && !new java.io.File(System.getProperty("user.home"), ".docker/run/docker.sock").exists()
                && !new java.io.File(System.getProperty("user.home"), ".docker/desktop/docker.sock").exists()) {
            assertThat(why).contains("no Docker engine");
        } else {
            assertThat(why).isNull();
        }
    }
}
