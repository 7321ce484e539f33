package dev.snow.ref.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.ref.node.NodeConfig;
import dev.snow.ref.transport.NodeListener;
import dev.snow.ref.transport.NodeSettings;
import dev.snow.ref.transport.SnowNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CLI node in this JVM talks to a reference node: it prints node_up, and on stop a node_down
 * with reason disconnect, exits 0, and never prints the cookie.
 */
class CliNodeTest {
    private static final String COOKIE = "cli-test-cookie-9f2e";

    @TempDir
    Path dir;

    @Test
    void a_cli_node_connects_prints_events_and_stops_with_status_0() throws Exception {
        Path cookie = Files.writeString(dir.resolve("cookie"), COOKIE + "\n");
        Files.setPosixFilePermissions(cookie, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Path state = dir.resolve("creation");
        Files.writeString(state, "255\n");
        String peerName = "peer@127.0.0.1:" + freePort();
        SnowNode peer = SnowNode.start(NodeSettings.of(NodeConfig.builder(peerName, COOKIE).creation(3).build()),
                NodeListener.IGNORE);
        try {
            CliRun cli = CliRun.of();
            CompletableFuture<Integer> exit = cli.runInBackground("--name", "cli@127.0.0.1:" + freePort(),
                    "--cookie-file", cookie.toString(), "--state-file", state.toString(), "--connect", peerName,
                    "--heartbeat-interval", "200ms", "--heartbeat-timeout", "100ms");

            awaitText(cli, "node_up node=" + peerName + " node_id=1 creation=3 direction=outgoing");
            assertThat(Files.readString(state).strip()).as("ID-7: 255 wraps to 1").isEqualTo("1");
            assertThat(cli.err()).contains("listening on").contains("creation 1,");
            cli.stop.trigger();

            assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
            assertThat(cli.out()).contains("node_down node=" + peerName + " node_id=1 reason=disconnect");
            assertThat(cli.out().lines()).allMatch(l -> l.matches("^(node_up|node_down|handshake_failed) .* at=\\S+$"));
            assertThat(cli.out() + cli.err()).doesNotContain(COOKIE);
        } finally {
            peer.stop();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void awaitText(CliRun cli, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!cli.out().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no \"" + text + "\" on stdout within 10 s; stdout:\n" + cli.out() + "\nstderr:\n" + cli.err());
            }
            Thread.sleep(10);
        }
    }
}
