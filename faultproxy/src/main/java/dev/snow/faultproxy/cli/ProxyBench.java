package dev.snow.faultproxy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snow.faultproxy.FaultServer;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code snow-faultproxy bench}: what the proxy costs, as ratios against a direct loopback
 * connection measured in the same run (paths interleaved in rounds so load drift hits both).
 *
 * <ul>
 *   <li>latency: 1-byte ping round trips on one connection, p50 and p99;</li>
 *   <li>throughput: one bulk transfer, MB/s from first byte to the peer's acknowledgement.</li>
 * </ul>
 */
final class ProxyBench {

  private static final int ROUNDS = 3;

  private ProxyBench() {
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    int pings = 2000;
    int megabytes = 64;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "-h", "--help" -> {
          out.print(SnowFaultProxy.USAGE);
          return 0;
        }
        case "--pings", "--megabytes" -> {
          Integer v = i + 1 < args.length ? positive(args[i + 1]) : null;
          if (v == null) {
            return SnowFaultProxy.usage(err, args[i] + " needs a positive number");
          }
          if (args[i].equals("--pings")) {
            pings = v;
          } else {
            megabytes = v;
          }
          i++;
        }
        default -> {
          return SnowFaultProxy.usage(err, "unknown bench argument \"" + args[i] + "\"");
        }
      }
    }
    try (BenchPeer peer = new BenchPeer(); FaultServer faults = FaultServer.start("127.0.0.1", 0)) {
      int proxyPort = createProxy(faults, peer.address());
      double[][] rtt = {new double[0], new double[0]};
      double[] mbps = new double[2];
      int[] ports = {peer.port(), proxyPort};
      String[] names = {"direct", "proxy"};
      long bulkBytes = megabytes * 1_000_000L;
      for (int round = 1; round <= ROUNDS; round++) {
        for (int p = 0; p < 2; p++) {
          out.printf(Locale.ROOT, "round %d/%d: %s pings…%n", round, ROUNDS, names[p]);
          rtt[p] = concat(rtt[p], pings(ports[p], pings / ROUNDS));
          out.printf(Locale.ROOT, "round %d/%d: %s bulk %d MB…%n", round, ROUNDS, names[p], megabytes);
          mbps[p] += bulk(ports[p], bulkBytes) / ROUNDS;
        }
      }
      double[] p50 = new double[2];
      double[] p99 = new double[2];
      for (int p = 0; p < 2; p++) {
        Arrays.sort(rtt[p]);
        p50[p] = quantile(rtt[p], 0.50);
        p99[p] = quantile(rtt[p], 0.99);
        out.printf(Locale.ROOT, "%-6s  rtt p50 %8.1f µs  p99 %8.1f µs  throughput %8.1f MB/s%n",
            names[p], p50[p], p99[p], mbps[p]);
      }
      out.printf(Locale.ROOT, "ratio proxy/direct: rtt p50 %.2f  p99 %.2f  throughput %.2f%n",
          p50[1] / p50[0], p99[1] / p99[0], mbps[1] / mbps[0]);
      out.printf(Locale.ROOT, "added latency per round trip: p50 %.1f µs  p99 %.1f µs%n",
          p50[1] - p50[0], p99[1] - p99[0]);
      return 0;
    } catch (IOException e) {
      err.println("snow-faultproxy bench: " + e.getMessage());
      return 1;
    }
  }

  /** Round trips in microseconds. */
  private static double[] pings(int port, int count) throws IOException {
    try (Socket s = dial(port)) {
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      out.write('p');
      double[] us = new double[count];
      for (int i = -count / 10; i < count; i++) { // the first tenth warms up and is not kept
        long t0 = System.nanoTime();
        out.write(1);
        if (in.read() < 0) {
          throw new IOException("ping peer closed after " + i + " pings");
        }
        if (i >= 0) {
          us[i] = (System.nanoTime() - t0) / 1e3;
        }
      }
      return us;
    }
  }

  /** MB/s (10^6 bytes) of one bulk transfer. */
  private static double bulk(int port, long bytes) throws IOException {
    try (Socket s = dial(port)) {
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      byte[] block = new byte[64 * 1024];
      long t0 = System.nanoTime();
      out.write('b');
      out.writeLong(bytes);
      for (long left = bytes; left > 0; left -= block.length) {
        out.write(block, 0, (int) Math.min(block.length, left));
      }
      out.flush();
      if (s.getInputStream().read() != 1) {
        throw new IOException("bulk peer did not acknowledge " + bytes + " bytes");
      }
      return bytes / 1e6 / ((System.nanoTime() - t0) / 1e9);
    }
  }

  private static Socket dial(int port) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    s.setTcpNoDelay(true);
    s.setSoTimeout(60_000);
    return s;
  }

  private static int createProxy(FaultServer faults, String upstream) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(faults.url() + "/proxies").toURL().openConnection();
    try {
      c.setRequestMethod("POST");
      c.setDoOutput(true);
      try (OutputStream o = c.getOutputStream()) {
        o.write(("{\"name\":\"bench\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + upstream + "\"}")
            .getBytes(StandardCharsets.UTF_8));
      }
      if (c.getResponseCode() != 201) {
        throw new IOException("creating the bench proxy answered " + c.getResponseCode());
      }
      String listen = new ObjectMapper().readTree(c.getInputStream()).path("listen").asText();
      return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    } finally {
      c.disconnect();
    }
  }

  private static double quantile(double[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
  }

  private static double[] concat(double[] a, double[] b) {
    double[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static Integer positive(String s) {
    try {
      int v = Integer.parseInt(s);
      return v > 0 ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
