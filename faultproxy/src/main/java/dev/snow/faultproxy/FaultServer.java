package dev.snow.faultproxy;

import com.sun.net.httpserver.HttpServer;
import dev.snow.faultproxy.link.Endpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embedded Toxiproxy-compatible server: the HTTP API on {@link #url()}, the proxies it
 * creates, their connections. Drive it with any Toxiproxy client.
 *
 * <pre>
 * try (FaultServer faults = FaultServer.start("127.0.0.1", 0)) {
 *   ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", faults.port());
 *   Proxy p = client.createProxy("a-to-b", "127.0.0.1:0", "127.0.0.1:7001");
 *   p.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 100);
 * }
 * </pre>
 */
public final class FaultServer implements AutoCloseable {

  /** Threads that answer API requests. */
  private static final int API_THREADS = 4;
  private static final String NODELAY = "sun.net.httpserver.nodelay";

  private final HttpServer http;
  private final ExecutorService executor;
  private final ProxyRegistry registry;
  private final String url;
  private boolean closed;

  private FaultServer(HttpServer http, ExecutorService executor, ProxyRegistry registry) {
    this.http = http;
    this.executor = executor;
    this.registry = registry;
    this.url = "http://" + Endpoint.format(http.getAddress());
  }

  /**
   * Starts the API on {@code host:port}.
   *
   * @param host address to bind, e.g. {@code 127.0.0.1}
   * @param port 0 for an ephemeral port
   * @throws IOException when the address cannot be bound
   */
  public static FaultServer start(String host, int port) throws IOException {
    // The JDK server writes headers and body apart; with Nagle on, a client's delayed ACK adds
    // 40 ms to every answer. Read once, when the JDK's server config is first loaded.
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }
    ProxyRegistry registry = new ProxyRegistry();
    HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 64);
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor executor = new ThreadPoolExecutor(API_THREADS, API_THREADS, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "faultproxy-api-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    executor.allowCoreThreadTimeOut(true);
    http.setExecutor(executor);
    http.createContext("/", new Api(registry));
    http.start();
    return new FaultServer(http, executor, registry);
  }

  /** The API's base URL, e.g. {@code http://127.0.0.1:8474}. */
  public String url() {
    return url;
  }

  /** The API's port. */
  public int port() {
    return http.getAddress().getPort();
  }

  /** Closes every proxy, socket and thread; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    http.stop(0);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    try {
      registry.closeAll(deadline);
      executor.shutdownNow();
      executor.awaitTermination(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L),
          TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
