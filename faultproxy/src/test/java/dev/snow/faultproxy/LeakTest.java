package dev.snow.faultproxy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * 1,000 create / connect / delete cycles leave no thread and no socket behind: proxy threads
 * return to their baseline and the process's open file descriptors to theirs (a few HTTP
 * keep-alive sockets of slack), waited for with a deadline.
 */
class LeakTest {

  private static final int CYCLES = 1_000;

  @Test
  void thousandProxyCyclesLeakNoThreadsOrSockets() throws Exception {
    try (EchoServer echo = EchoServer.echo(); FaultServer server = FaultServer.start("127.0.0.1", 0)) {
      ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", server.port());
      for (int i = 0; i < 20; i++) {
        cycle(client, echo, i); // warm up: HTTP keep-alive pools, class loading
      }
      awaitAtMost(LeakTest::proxyThreads, 0, 10_000);
      long fdBaseline = openFds();

      for (int i = 0; i < CYCLES; i++) {
        cycle(client, echo, i);
      }

      assertThat(client.getProxies()).isEmpty();
      awaitAtMost(LeakTest::proxyThreads, 0, 10_000);
      assertThat(proxyThreads()).as("proxy threads after %d cycles", CYCLES).isZero();
      if (fdBaseline >= 0) {
        awaitAtMost(LeakTest::openFds, fdBaseline + 4, 10_000);
        assertThat(openFds()).as("open fds after %d cycles (baseline %d)", CYCLES, fdBaseline)
            .isLessThanOrEqualTo(fdBaseline + 4);
      }
    }
    awaitAtMost(LeakTest::allFaultproxyThreads, 0, 10_000);
    assertThat(allFaultproxyThreads()).as("threads after close()").isZero();
  }

  @Test
  void closeEndsOpenConnectionsAndEveryThread() throws Exception {
    try (EchoServer echo = EchoServer.echo()) {
      FaultServer server = FaultServer.start("127.0.0.1", 0);
      ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", server.port());
      Proxy p = client.createProxy("held", "127.0.0.1:0", echo.address());
      p.toxics().timeout("hold", ToxicDirection.UPSTREAM, 0);
      try (Socket s = Tcp.dial(p.getListen(), 20_000)) {
        s.getOutputStream().write(1);
        server.close();
        assertThat(Tcp.awaitEnd(s)).isIn("eof", "reset");
      }
    }
    awaitAtMost(LeakTest::allFaultproxyThreads, 0, 10_000);
    assertThat(allFaultproxyThreads()).as("threads after close()").isZero();
  }

  /** Create a proxy with a toxic, pass bytes through it on one connection, delete it. */
  private static void cycle(ToxiproxyClient client, EchoServer echo, int i) throws IOException {
    Proxy p = client.createProxy("leak-" + i, "127.0.0.1:0", echo.address());
    if (i % 2 == 0) {
      p.toxics().latency("l", ToxicDirection.DOWNSTREAM, 0);
    }
    Socket s = Tcp.dial(p.getListen(), 10_000);
    Tcp.roundTripMs(s, new byte[] {(byte) i});
    if (i % 3 == 0) {
      p.delete(); // delete with the connection still open: the proxy closes it
      s.close();
    } else {
      s.close();
      p.delete();
    }
  }

  private static long proxyThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("faultproxy-") && !t.getName().startsWith("faultproxy-api-"))
        .count();
  }

  private static long allFaultproxyThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("faultproxy-")).count();
  }

  /** Open file descriptors of this process, or -1 where /proc is not there. */
  private static long openFds() {
    String[] fds = new File("/proc/self/fd").list();
    return fds == null ? -1 : fds.length;
  }

  private static void awaitAtMost(LongSupplier value, long max, long timeoutMs) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
    while (value.getAsLong() > max && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      Thread.sleep(10); // polling a count with a deadline, not waiting for time to pass
    }
  }
}
