package dev.snow.faultproxy.cli;

import dev.snow.faultproxy.FaultServer;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * {@code snow-faultproxy [--host H] [--port P]}: a Toxiproxy-compatible server until Ctrl-C.
 * {@code snow-faultproxy bench …}: the proxy's added latency and throughput against a direct
 * connection ({@link ProxyBench}).
 */
public final class SnowFaultProxy {

  static final String USAGE = """
      Usage: snow-faultproxy [--host H] [--port P]
             snow-faultproxy bench [--pings N] [--megabytes M]

      Runs an embedded Toxiproxy-compatible fault proxy server (docs/FAULTPROXY.md) until
      interrupted. Any Toxiproxy client can drive it, e.g. toxiproxy-java:
        new ToxiproxyClient("127.0.0.1", 8474).createProxy("a", "127.0.0.1:0", "127.0.0.1:7001")

      Options:
        --host H       address the HTTP API binds (default 127.0.0.1)
        --port P       port of the HTTP API, 0 for any free one (default 8474)
        -h, --help     this text

      bench: measures, in one run on loopback, the round trip of 1-byte pings (p50, p99) and the
      throughput of a bulk transfer, direct and through a proxy without toxics, and prints the
      ratios proxy/direct.
        --pings N      pings per path (default 2000)
        --megabytes M  bulk transfer size per path (default 64)

      Exit codes: 0 done, 1 failed (e.g. the port is taken), 2 usage error.
      """;

  private SnowFaultProxy() {
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length > 0 && args[0].equals("bench")) {
      return ProxyBench.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    String host = "127.0.0.1";
    int port = 8474;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "-h", "--help" -> {
          out.print(USAGE);
          return 0;
        }
        case "--host" -> {
          if (i + 1 >= args.length) {
            return usage(err, "--host needs an address");
          }
          host = args[++i];
        }
        case "--port" -> {
          if (i + 1 >= args.length) {
            return usage(err, "--port needs a number");
          }
          Integer p = parsePort(args[++i]);
          if (p == null) {
            return usage(err, "--port must be 0..65535, saw \"" + args[i] + "\"");
          }
          port = p;
        }
        default -> {
          return usage(err, "unknown argument \"" + args[i] + "\"");
        }
      }
    }
    FaultServer server;
    try {
      server = FaultServer.start(host, port);
    } catch (IOException e) {
      err.println("snow-faultproxy: cannot listen on " + host + ":" + port + ": " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "faultproxy-shutdown"));
    out.println("snow-faultproxy: Toxiproxy API on " + server.url() + " (Ctrl-C stops)");
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  static Integer parsePort(String s) {
    try {
      int p = Integer.parseInt(s);
      return p >= 0 && p <= 65535 ? p : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static int usage(PrintStream err, String problem) {
    err.println("snow-faultproxy: " + problem);
    err.print(USAGE);
    return 2;
  }
}
