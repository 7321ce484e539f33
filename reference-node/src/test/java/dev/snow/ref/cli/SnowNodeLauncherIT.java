package dev.snow.ref.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/snow-node} as users and the conformance suite run it (after {@code package}): a
 * scripted adapter session between two processes, two CLI nodes that interoperate and stop on
 * SIGINT/SIGTERM with status 0, and the launcher's message when the jar is missing.
 */
class SnowNodeLauncherIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COOKIE = "it-cookie-5d1c-long-enough";

    @TempDir
    Path dir;

    @Test
    void a_scripted_adapter_session_between_two_launcher_processes() throws Exception {
        try (LauncherProcess iut = new LauncherProcess("--adapter");
             LauncherProcess tester = new LauncherProcess("--adapter")) {
            assertThat(json(iut.await(l -> true, "ready")).path("event").asText()).isEqualTo("ready");
            json(tester.await(l -> true, "ready"));
            iut.send("{\"id\":1,\"cmd\":\"frobnicate-7f3a\"}");
            assertThat(json(iut.awaitContaining("\"id\":1")).path("code").asText()).isEqualTo("unsupported");
            iut.send("not json at all");
            assertThat(json(iut.awaitContaining("\"id\":null")).path("code").asText()).isEqualTo("bad_request");

            iut.send("{\"id\":2,\"cmd\":\"start\",\"name\":\"iut@127.0.0.1\",\"cookie\":\"" + COOKIE + "\",\"port\":0,\"creation\":7}");
            tester.send("{\"id\":2,\"cmd\":\"start\",\"name\":\"tester@127.0.0.1:45001\",\"cookie\":\"" + COOKIE + "\",\"port\":0}");
            assertThat(json(iut.awaitContaining("\"id\":2")).path("creation").asInt()).isEqualTo(7);
            int testerPort = json(tester.awaitContaining("\"id\":2")).path("port").asInt();
            iut.send("{\"id\":3,\"cmd\":\"connect\",\"node\":\"tester@127.0.0.1:45001\",\"address\":\"127.0.0.1:" + testerPort + "\"}");
            assertThat(iut.awaitContaining("\"id\":3")).isEqualTo("{\"id\":3,\"reply\":\"connect\",\"ok\":true}");
            JsonNode up = json(iut.awaitContaining("\"node_up\""));
            assertThat(up.path("node").asText()).isEqualTo("tester@127.0.0.1:45001");
            assertThat(json(tester.awaitContaining("\"node_up\"")).path("creation").asInt()).isEqualTo(7);

            long stopSent = System.nanoTime();
            iut.send("{\"id\":4,\"cmd\":\"stop\"}");
            assertThat(json(iut.awaitContaining("\"node_down\"")).path("reason").asText()).isEqualTo("disconnect");
            assertThat(iut.awaitContaining("\"id\":4")).isEqualTo("{\"id\":4,\"reply\":\"stop\",\"ok\":true}");
            assertThat(iut.exitWithin(Duration.ofSeconds(5))).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - stopSent)).isLessThan(Duration.ofSeconds(5));
            assertThat(json(tester.awaitContaining("\"node_down\"")).path("reason").asText()).isEqualTo("closed");
            tester.closeInput();
            assertThat(tester.exitWithin(Duration.ofSeconds(5))).isZero();

            for (LauncherProcess p : new LauncherProcess[] {iut, tester}) {
                for (String line : p.stdout()) {
                    assertThat(JSON.readTree(line).isObject()).as("stdout holds only JSON objects: %s", line).isTrue();
                }
                assertThat(String.join("\n", p.stdout()) + p.stderr()).doesNotContain(COOKIE);
            }
        }
    }

    @Test
    void two_cli_nodes_interoperate_and_stop_on_sigint_and_sigterm_with_status_0() throws Exception {
        Path cookie = Files.writeString(dir.resolve("cookie"), COOKIE + "\n");
        Files.setPosixFilePermissions(cookie, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        String a = "a@127.0.0.1:" + freePort();
        String b = "b@127.0.0.1:" + freePort();
        try (LauncherProcess nodeA = new LauncherProcess("--name", a, "--cookie-file", cookie.toString())) {
            nodeA.awaitStderr("listening on");
            try (LauncherProcess nodeB = new LauncherProcess("--name", b, "--cookie-file", cookie.toString(),
                    "--connect", a, "--heartbeat-interval", "300ms", "--heartbeat-timeout", "200ms")) {
                bothUpThenSignals(a, b, nodeA, nodeB);
            }
        }
    }

    private static void bothUpThenSignals(String a, String b, LauncherProcess nodeA, LauncherProcess nodeB) throws Exception {
        String first = nodeB.await(l -> l.startsWith("node_up") || l.startsWith("handshake_failed"), "node_up");
        assertThat(first).startsWith("node_up node=" + a + " node_id=1 ").contains("direction=outgoing");
        assertThat(nodeA.awaitContaining("node_up node=" + b)).contains("direction=incoming");

        nodeB.signal("INT");
        assertThat(nodeB.exitWithin(Duration.ofSeconds(10))).isZero();
        assertThat(nodeB.stdout()).anyMatch(l -> l.startsWith("node_down node=" + a + " node_id=1 reason=disconnect"));
        assertThat(nodeA.awaitContaining("node_down node=" + b)).contains("reason=closed");

        nodeA.signal("TERM");
        assertThat(nodeA.exitWithin(Duration.ofSeconds(10))).isZero();
        for (LauncherProcess p : new LauncherProcess[] {nodeA, nodeB}) {
            assertThat(String.join("\n", p.stdout()) + p.stderr()).doesNotContain(COOKIE);
        }
    }

    @Test
    void without_the_jar_the_launcher_says_how_to_build_it() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path launcher = Files.copy(LauncherProcess.LAUNCHER, bin.resolve("snow-node"));
        launcher.toFile().setExecutable(true);

        try (LauncherProcess p = new LauncherProcess(launcher, "--help")) {
            assertThat(p.exitWithin(Duration.ofSeconds(10))).isEqualTo(1);
            assertThat(p.stderr()).contains("snow-node.jar is missing")
                    .contains("mvn -q -pl reference-node -am package -DskipTests");
            assertThat(p.stdout()).isEmpty();
        }
    }

    private static JsonNode json(String line) throws Exception {
        return JSON.readTree(line);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
