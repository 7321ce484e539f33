package dev.snow.faultproxy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Toxics added, updated and removed while streams run never lose, duplicate or reorder a byte
 * (only the toxics that drop data by design are left out), and bad upstreams end the client's
 * connection cleanly.
 */
class ChurnTest {

  private static final long SEED = 20261205L;
  private static final int CHANGES = 60;

  @Test
  void streamsStayByteExactWhileToxicsChurn() throws Exception {
    try (EchoServer echo = EchoServer.echo(); FaultServer server = FaultServer.start("127.0.0.1", 0)) {
      ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", server.port());
      Proxy p = client.createProxy("churn", "127.0.0.1:0", echo.address());
      ExecutorService pool = Executors.newFixedThreadPool(8);
      AtomicBoolean done = new AtomicBoolean();
      AtomicBoolean churned = new AtomicBoolean();
      try {
        List<Future<?>> streams = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
          long seed = SEED + c;
          streams.add(pool.submit(() -> {
            echoStream(p.getListen(), seed, 256 * 1024, churned);
            return null;
          }));
        }
        Future<?> churn = pool.submit(() -> {
          churn(p, server, done, churned);
          return null;
        });
        for (Future<?> f : streams) {
          f.get(120, TimeUnit.SECONDS);
        }
        done.set(true);
        churn.get(60, TimeUnit.SECONDS);
      } finally {
        done.set(true);
        pool.shutdownNow();
      }
    }
  }

  /** Changes toxics until done; sets {@code churned} after {@link #CHANGES} changes. */
  private static void churn(Proxy p, FaultServer server, AtomicBoolean done, AtomicBoolean churned)
      throws IOException {
    Random r = new Random(SEED);
    java.util.Set<String> present = new java.util.HashSet<>();
    int i = 0;
    while (!done.get()) {
      if (i >= CHANGES) {
        churned.set(true);
      }
      ToxicDirection d = r.nextBoolean() ? ToxicDirection.UPSTREAM : ToxicDirection.DOWNSTREAM;
      String name = "t" + (i++ % 4);
      // (the official client cannot list a noop toxic: its ToxicType enum lacks the type)
      if (present.remove(name)) {
        assertThat(Http.call(server, "DELETE", "/proxies/churn/toxics/" + name, null).status()).isEqualTo(204);
        continue;
      }
      present.add(name);
      switch (r.nextInt(4)) {
        case 0 -> p.toxics().latency(name, d, r.nextInt(5)).setJitter(r.nextInt(3));
        case 1 -> p.toxics().slicer(name, d, 1 + r.nextInt(2000), 0).setDelay(r.nextInt(200));
        case 2 -> p.toxics().bandwidth(name, d, 5_000 + r.nextInt(50_000));
        default -> Http.call(server, "POST", "/proxies/churn/toxics", "{\"name\":\"" + name
            + "\",\"type\":\"noop\",\"stream\":\"" + d.name().toLowerCase() + "\"}");
      }
    }
  }

  /**
   * Writes seeded bytes in uneven writes until the churn has made enough changes (and at least
   * {@code minSize} bytes), reading the echo all along; checks every byte against the seed.
   */
  private static void echoStream(String listen, long seed, int minSize, AtomicBoolean churned)
      throws Exception {
    java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
    AtomicBoolean finished = new AtomicBoolean();
    try (Socket s = Tcp.dial(listen, 60_000)) {
      Thread writer = new Thread(() -> {
        Random bytes = new Random(seed);
        Random sizes = new Random(seed ^ 1);
        try {
          while (written.get() < minSize || !churned.get()) {
            byte[] block = new byte[1 + sizes.nextInt(40_000)];
            bytes.nextBytes(block);
            s.getOutputStream().write(block);
            written.addAndGet(block.length);
          }
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        } finally {
          finished.set(true);
        }
      }, "churn-writer");
      writer.start();
      Random expected = new Random(seed);
      Random sizes = new Random(seed ^ 1);
      byte[] want = new byte[0];
      int wantAt = 0;
      long received = 0;
      byte[] buf = new byte[64 * 1024];
      while (!finished.get() || received < written.get()) {
        int n = s.getInputStream().read(buf);
        assertThat(n).as("stream seeded %d ended after %d bytes", seed, received).isPositive();
        for (int i = 0; i < n; i++) {
          if (wantAt == want.length) {
            want = new byte[1 + sizes.nextInt(40_000)];
            expected.nextBytes(want);
            wantAt = 0;
          }
          if (buf[i] != want[wantAt++]) {
            throw new AssertionError("stream seeded " + seed + ": byte " + (received + i)
                + " differs (reproduce: -Dtest=ChurnTest)");
          }
        }
        received += n;
      }
      writer.join(60_000);
      assertThat(received).isEqualTo(written.get());
    }
  }

  @Test
  void aRefusingUpstreamEndsTheClientCleanly() throws Exception {
    int closedPort;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }
    try (FaultServer server = FaultServer.start("127.0.0.1", 0)) {
      ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", server.port());
      Proxy p = client.createProxy("nowhere", "127.0.0.1:0", "127.0.0.1:" + closedPort);
      for (int i = 0; i < 20; i++) {
        try (Socket s = Tcp.dial(p.getListen(), 10_000)) {
          assertThat(Tcp.awaitEnd(s)).isIn("eof", "reset");
        }
      }
    }
  }

  @Test
  void anUpstreamThatResetsEndsTheClientToo() throws Exception {
    try (java.net.ServerSocket rude = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        FaultServer server = FaultServer.start("127.0.0.1", 0)) {
      Thread t = new Thread(() -> {
        try {
          while (true) {
            Socket a = rude.accept();
            a.setSoLinger(true, 0);
            a.getInputStream().read();
            a.close();
          }
        } catch (IOException closed) {
          // test over
        }
      }, "rude-upstream");
      t.setDaemon(true);
      t.start();
      ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", server.port());
      Proxy p = client.createProxy("rude", "127.0.0.1:0", "127.0.0.1:" + rude.getLocalPort());
      try (Socket s = Tcp.dial(p.getListen(), 10_000)) {
        s.getOutputStream().write("hello".getBytes());
        assertThat(Tcp.awaitEnd(s)).isIn("eof", "reset");
      }
    }
  }
}
