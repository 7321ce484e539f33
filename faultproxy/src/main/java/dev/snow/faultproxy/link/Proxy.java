package dev.snow.faultproxy.link;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One named proxy: listens on {@code listen}, dials {@code upstream} for every client it
 * accepts, and runs each pair through its {@link ToxicChain}.
 *
 * <p>Disabling (or deleting) closes the listener and every open connection, as Toxiproxy does;
 * enabling listens again on the same address (the port once chosen for {@code :0}).
 */
public final class Proxy {

  /** How long dialling the upstream may take before the client is dropped. */
  static final int DIAL_TIMEOUT_MS = 10_000;
  /** Open connections per proxy at most (four threads each); a client beyond is closed at once. */
  public static final int MAX_CONNECTIONS = 1024;

  private final String name;
  private final ToxicChain toxics = new ToxicChain();
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  private final AtomicLong connectionCount = new AtomicLong();
  private final SplittableRandom random;
  private String listen;
  private String upstream;
  private boolean enabled;
  private ServerSocket server;
  private Thread acceptor;

  public Proxy(String name, String listen, String upstream, long seed) {
    this.name = name;
    this.listen = listen;
    this.upstream = upstream;
    this.random = new SplittableRandom(seed);
  }

  public String name() {
    return name;
  }

  public synchronized String listen() {
    return listen;
  }

  public synchronized String upstream() {
    return upstream;
  }

  public synchronized boolean enabled() {
    return enabled;
  }

  public ToxicChain toxics() {
    return toxics;
  }

  /** Open connections now. */
  public int connectionCount() {
    return connections.size();
  }

  /**
   * Starts listening; a no-op when enabled. {@code listen} becomes the bound address.
   *
   * @throws IOException Go's words for a bind failure, e.g. {@code listen tcp 127.0.0.1:80: bind:
   *     address already in use}
   */
  public synchronized void start() throws IOException {
    if (enabled) {
      return;
    }
    ServerSocket s = new ServerSocket();
    try {
      s.setReuseAddress(true);
      s.bind(Endpoint.parse(listen).resolve(), 128);
    } catch (IOException | IllegalArgumentException e) {
      s.close();
      String why = e.getMessage() == null ? e.toString() : e.getMessage();
      if (why.toLowerCase().contains("already in use")) {
        why = "bind: address already in use";
      }
      throw new IOException("listen tcp " + listen + ": " + why, e);
    }
    server = s;
    listen = Endpoint.format((InetSocketAddress) s.getLocalSocketAddress());
    enabled = true;
    acceptor = new Thread(() -> acceptLoop(s), "faultproxy-" + name + "-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Stops listening and closes every connection; a no-op when disabled. */
  public void stop() {
    Thread accepting;
    synchronized (this) {
      if (!enabled) {
        return;
      }
      enabled = false;
      closeQuietly(server);
      accepting = acceptor;
      server = null;
      acceptor = null;
    }
    try {
      accepting.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connections.forEach(Connection::close);
  }

  /** Waits until every connection's threads have ended, at most until the deadline (nanoTime). */
  public void awaitConnectionsClosed(long deadline) throws InterruptedException {
    for (Connection c : connections) {
      c.join(deadline);
    }
  }

  /** Sets listen and upstream (the proxy must be stopped). */
  public synchronized void setAddresses(String newListen, String newUpstream) {
    if (enabled) {
      throw new IllegalStateException("stop the proxy before moving it");
    }
    this.listen = newListen;
    this.upstream = newUpstream;
  }

  private void acceptLoop(ServerSocket s) {
    while (true) {
      Socket client;
      try {
        client = s.accept();
      } catch (IOException closed) {
        return;
      }
      if (connections.size() >= MAX_CONNECTIONS) {
        closeQuietly(client);
        continue;
      }
      Socket up = new Socket();
      try {
        String target;
        synchronized (this) {
          target = upstream;
        }
        up.connect(Endpoint.parse(target).resolve(), DIAL_TIMEOUT_MS);
        client.setTcpNoDelay(true);
        up.setTcpNoDelay(true);
      } catch (IOException | IllegalArgumentException e) {
        closeQuietly(up);
        closeQuietly(client);
        continue;
      }
      Connection c;
      synchronized (this) {
        if (!enabled || s.isClosed()) {
          closeQuietly(up);
          closeQuietly(client);
          return;
        }
        c = new Connection(this, connectionCount.getAndIncrement(), client, up, toxics, random.split());
        connections.add(c);
      }
      c.start();
    }
  }

  void forget(Connection c) {
    connections.remove(c);
  }

  private static void closeQuietly(java.io.Closeable s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing is all we wanted
    }
  }
}
