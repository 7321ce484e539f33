package dev.snow.faultproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command line: help, usage errors with exit 2, a clear error for a taken port. */
class SnowFaultProxyTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return SnowFaultProxy.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void helpPrintsUsageAndExitsZero() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--host H", "--port P", "default 8474", "bench");
  }

  @Test
  void badArgumentsExitTwoNamingTheProblem() {
    assertThat(run("--port", "70000")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("snow-faultproxy: --port must be 0..65535, saw \"70000\"");
    err.reset();
    assertThat(run("--frobnicate")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("snow-faultproxy: unknown argument \"--frobnicate\"");
    err.reset();
    assertThat(run("--host")).isEqualTo(2);
    assertThat(run("bench", "--pings", "0")).isEqualTo(2);
  }

  @Test
  void aTakenPortIsAnErrorNotAHang() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      assertThat(run("--host", "127.0.0.1", "--port", Integer.toString(taken.getLocalPort()))).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("snow-faultproxy: cannot listen on 127.0.0.1:");
    }
  }

  @Test
  void benchPrintsRatiosFromOneRun() {
    assertThat(run("bench", "--pings", "60", "--megabytes", "1")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("ratio proxy/direct: rtt p50 ", " throughput ");
  }
}
