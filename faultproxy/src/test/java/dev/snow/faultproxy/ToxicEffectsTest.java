package dev.snow.faultproxy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each toxic's observable effect on real loopback TCP, set up through the official client.
 * Timings are lower bounds (a toxic never delivers early) or orderings, never tight windows: the
 * machine is shared and slow. Deadlines are socket read timeouts.
 */
class ToxicEffectsTest {

  private FaultServer server;
  private ToxiproxyClient client;
  private EchoServer echo;
  private Proxy proxy;

  @BeforeEach
  void start() throws IOException {
    server = FaultServer.start("127.0.0.1", 0);
    client = new ToxiproxyClient("127.0.0.1", server.port());
    echo = EchoServer.echo();
    proxy = client.createProxy("p", "127.0.0.1:0", echo.address());
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    echo.close();
  }

  private Socket dial() throws IOException {
    return Tcp.dial(proxy.getListen(), 20_000);
  }

  @Test
  void latencyDelaysEveryRoundTripByAtLeastItsValue() throws IOException {
    proxy.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 300);
    try (Socket s = dial()) {
      for (int i = 0; i < 3; i++) {
        assertThat(Tcp.roundTripMs(s, new byte[] {(byte) i})).isGreaterThanOrEqualTo(300.0);
      }
    }
  }

  @Test
  void latencyWithJitterStaysWithinLatencyMinusJitter() throws IOException {
    proxy.toxics().latency("jittery", ToxicDirection.UPSTREAM, 200).setJitter(100);
    try (Socket s = dial()) {
      for (int i = 0; i < 5; i++) {
        assertThat(Tcp.roundTripMs(s, new byte[] {1})).isGreaterThanOrEqualTo(100.0);
      }
    }
  }

  @Test
  void removingLatencyRestoresTheRoundTrip() throws IOException {
    var slow = proxy.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 1_000);
    try (Socket s = dial()) {
      double withToxic = Tcp.roundTripMs(s, new byte[] {1});
      slow.remove();
      double without = Tcp.roundTripMs(s, new byte[] {2});
      assertThat(withToxic).isGreaterThanOrEqualTo(1_000.0);
      assertThat(without).isLessThan(withToxic);
    }
  }

  @Test
  void changingTheOtherDirectionDoesNotReleaseHeldData() throws IOException {
    proxy.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 800);
    try (Socket s = dial()) {
      long t0 = System.nanoTime();
      s.getOutputStream().write(1);
      proxy.toxics().latency("other-way", ToxicDirection.UPSTREAM, 0);
      proxy.toxics().get("other-way").remove();
      Tcp.readExactly(s, 1);
      assertThat((System.nanoTime() - t0) / 1e6).isGreaterThanOrEqualTo(800.0);
    }
  }

  @Test
  void bandwidthTakesAtLeastSizeOverRate() throws IOException {
    proxy.toxics().bandwidth("thin", ToxicDirection.DOWNSTREAM, 100); // 100 KB/s
    byte[] payload = new byte[50_000];
    Arrays.fill(payload, (byte) 7);
    try (Socket s = dial()) {
      double ms = Tcp.roundTripMs(s, payload);
      assertThat(ms).isGreaterThanOrEqualTo(500.0 * 0.98);
    }
  }

  @Test
  void slowCloseDelaysTheCloseNotTheData() throws IOException {
    try (EchoServer greeter = EchoServer.greetAndClose("hi".getBytes())) {
      Proxy p = client.createProxy("greet", "127.0.0.1:0", greeter.address());
      p.toxics().slowClose("lingering", ToxicDirection.DOWNSTREAM, 500);
      try (Socket s = Tcp.dial(p.getListen(), 20_000)) {
        long t0 = System.nanoTime();
        assertThat(Tcp.readExactly(s, 2)).isEqualTo("hi".getBytes());
        assertThat(Tcp.awaitEnd(s)).isEqualTo("eof");
        assertThat((System.nanoTime() - t0) / 1e6).isGreaterThanOrEqualTo(500.0);
      }
    }
  }

  @Test
  void timeoutZeroSwallowsDataAndHoldsTheConnection() throws IOException {
    proxy.toxics().timeout("blackhole", ToxicDirection.UPSTREAM, 0);
    try (Socket s = Tcp.dial(proxy.getListen(), 700)) {
      s.getOutputStream().write("lost".getBytes());
      assertThat(Tcp.awaitEnd(s)).isEqualTo("timeout");
      proxy.toxics().get("blackhole").remove();
      s.setSoTimeout(20_000);
      assertThat(Tcp.awaitEnd(s)).as("removing a timeout toxic closes, as Toxiproxy's Cleanup does")
          .isEqualTo("eof");
    }
  }

  @Test
  void aBlackholeKeepsReadingSoTheSenderIsNeverStuckBehindAFullBuffer() throws IOException {
    proxy.toxics().timeout("blackhole", ToxicDirection.UPSTREAM, 0);
    try (Socket s = dial()) {
      byte[] block = new byte[64 * 1024];
      org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> {
        for (int i = 0; i < 64; i++) { // 4 MiB: four times what a link buffers
          s.getOutputStream().write(block);
        }
      }, "writes into a timeout toxic blocked: the link stopped reading");
    }
  }

  @Test
  void timeoutClosesTheConnectionAfterItsValue() throws IOException {
    proxy.toxics().timeout("cut", ToxicDirection.DOWNSTREAM, 400);
    long t0 = System.nanoTime();
    try (Socket s = dial()) {
      s.getOutputStream().write("never echoed".getBytes());
      assertThat(Tcp.awaitEnd(s)).isEqualTo("eof");
      assertThat((System.nanoTime() - t0) / 1e6).isGreaterThanOrEqualTo(400.0);
    }
  }

  @Test
  void resetPeerResetsTheClientAfterData() throws IOException {
    proxy.toxics().resetPeer("rst", ToxicDirection.UPSTREAM, 200);
    try (Socket s = dial()) {
      long t0 = System.nanoTime();
      s.getOutputStream().write("x".getBytes());
      assertThat(Tcp.awaitEnd(s)).isEqualTo("reset");
      assertThat((System.nanoTime() - t0) / 1e6).isGreaterThanOrEqualTo(200.0);
    }
  }

  @Test
  void slicerDeliversInPiecesSpacedByItsDelay() throws IOException {
    proxy.toxics().slicer("slices", ToxicDirection.DOWNSTREAM, 10, 0).setDelay(20_000); // 20 ms
    byte[] payload = new byte[100];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) i;
    }
    try (Socket s = dial()) {
      long t0 = System.nanoTime();
      s.getOutputStream().write(payload);
      List<Integer> reads = new ArrayList<>();
      byte[] got = new byte[payload.length];
      int total = 0;
      while (total < payload.length) {
        int n = s.getInputStream().read(got, total, payload.length - total);
        assertThat(n).isPositive();
        reads.add(n);
        total += n;
      }
      double ms = (System.nanoTime() - t0) / 1e6;
      assertThat(got).isEqualTo(payload);
      assertThat(reads.size()).isGreaterThan(1);
      assertThat(reads).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(payload.length / 2));
      // 100 bytes halve into 16 pieces of 6 or 7 bytes; the last comes 15 delays after the first
      assertThat(ms).isGreaterThanOrEqualTo(15 * 20.0);
    }
  }

  @Test
  void limitDataPassesThatManyBytesThenCloses() throws IOException {
    proxy.toxics().limitData("cap", ToxicDirection.DOWNSTREAM, 10);
    try (Socket s = dial()) {
      s.getOutputStream().write(new byte[100]);
      assertThat(Tcp.readToEnd(s)).hasSize(10);
    }
  }

  @Test
  void zeroToxicityLeavesConnectionsUntouched() throws IOException {
    proxy.toxics().timeout("never", ToxicDirection.UPSTREAM, 0).setToxicity(0f);
    try (Socket s = dial()) {
      assertThat(Tcp.roundTripMs(s, "through".getBytes())).isPositive();
    }
  }

  @Test
  void noopPassesBytesUnchanged() throws IOException {
    assertThat(Http.call(server, "POST", "/proxies/p/toxics", "{\"type\":\"noop\"}").status()).isEqualTo(200);
    byte[] payload = new byte[200_000];
    new java.util.Random(1).nextBytes(payload);
    try (Socket s = dial()) {
      s.getOutputStream().write(payload);
      assertThat(Tcp.readExactly(s, payload.length)).isEqualTo(payload);
    }
  }

  @Test
  void lossDelaysLostChunksByTheRetransmissionTimeouts() throws IOException {
    ToxicRequests.addLoss(server.url(), "p", "lossy", "downstream", 0.5, 7);
    List<Long> expected = LossDraws.delaysMs(7, 0, dev.snow.faultproxy.toxic.Direction.DOWNSTREAM, 0.5, 12);
    assertThat(expected).as("seed 7 loses some chunks").anyMatch(d -> d > 0);
    try (Socket s = dial()) {
      for (int i = 0; i < expected.size(); i++) {
        double ms = Tcp.roundTripMs(s, new byte[] {(byte) i});
        assertThat(ms).as("round trip %d, expected delay %d ms", i, expected.get(i))
            .isGreaterThanOrEqualTo(expected.get(i).doubleValue());
      }
    }
    ToxicRequests.remove(server.url(), "p", "lossy");
    assertThat(Http.call(server, "GET", "/proxies/p/toxics", null).body()).isEqualTo("[]");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ToxicRequests.remove(server.url(), "p", "lossy"))
        .hasMessage("[404] toxic not found");
  }

  @Test
  void disablingCutsOpenConnectionsAndEnablingListensAgain() throws IOException {
    try (Socket s = dial()) {
      Tcp.roundTripMs(s, new byte[] {1});
      proxy.disable();
      assertThat(proxy.isEnabled()).isFalse();
      assertThat(Tcp.awaitEnd(s)).isIn("eof", "reset");
    }
    assertThatRefused(proxy.getListen());
    proxy.enable();
    try (Socket s = dial()) {
      assertThat(Tcp.roundTripMs(s, new byte[] {2})).isPositive();
    }
  }

  @Test
  void resetEnablesEveryProxyAndRemovesEveryToxic() throws IOException {
    proxy.toxics().timeout("blackhole", ToxicDirection.UPSTREAM, 0);
    proxy.disable();

    client.reset();

    assertThat(proxy.isEnabled()).isTrue();
    assertThat(proxy.toxics().getAll()).isEmpty();
    try (Socket s = dial()) {
      assertThat(Tcp.roundTripMs(s, new byte[] {3})).isPositive();
    }
  }

  private static void assertThatRefused(String listen) {
    try {
      Tcp.dial(listen, 1_000).close();
      throw new AssertionError("connected to a disabled proxy at " + listen);
    } catch (SocketTimeoutException e) {
      throw new AssertionError("dialling a disabled proxy hung", e);
    } catch (IOException refused) {
      assertThat(refused).isInstanceOf(java.net.ConnectException.class);
    }
  }
}
