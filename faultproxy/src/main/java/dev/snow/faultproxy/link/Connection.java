package dev.snow.faultproxy.link;

import dev.snow.faultproxy.toxic.Direction;
import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One proxied TCP connection: the accepted client socket, the socket dialled to the upstream,
 * and a {@link Link} each way (four threads). When the last thread ends the proxy forgets it.
 *
 * <p>Ends as Toxiproxy's do: a link whose stream ends closes its destination socket whole (no
 * half-close), which ends the other link's reader, which flushes and closes the other socket.
 */
final class Connection {

  private final Proxy proxy;
  private final long index;
  private final Socket client;
  private final Socket upstream;
  private final Link up;
  private final Link down;
  private final List<Thread> threads;
  private final AtomicInteger running = new AtomicInteger(4);
  private final AtomicBoolean removed = new AtomicBoolean();

  Connection(Proxy proxy, long index, Socket client, Socket upstream, ToxicChain chain,
      SplittableRandom random) {
    this.proxy = proxy;
    this.index = index;
    this.client = client;
    this.upstream = upstream;
    this.up = new Link(this, Direction.UPSTREAM, client, upstream, chain, random.split());
    this.down = new Link(this, Direction.DOWNSTREAM, upstream, client, chain, random.split());
    String base = "faultproxy-" + proxy.name() + "-" + index;
    this.threads = List.of(
        thread(base + "-up-read", up::readLoop), thread(base + "-up-write", up::writeLoop),
        thread(base + "-down-read", down::readLoop), thread(base + "-down-write", down::writeLoop));
  }

  private static Thread thread(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    return t;
  }

  long index() {
    return index;
  }

  void start() {
    threads.forEach(Thread::start);
  }

  /** The stream of {@code link} ended: close its destination; the other side follows. */
  void endFrom(Link link) {
    link.stop();
    closeQuietly(link.dest());
  }

  /** Both sockets closed with SO_LINGER 0: both peers see RST. */
  void reset() {
    for (Socket s : new Socket[] {client, upstream}) {
      try {
        s.setSoLinger(true, 0);
      } catch (IOException alreadyClosed) {
        // nothing to reset
      }
    }
    close();
  }

  /** Closes both sockets and stops both links; idempotent. */
  void close() {
    up.stop();
    down.stop();
    closeQuietly(client);
    closeQuietly(upstream);
  }

  /** Waits for the four threads until the deadline (nanoTime). */
  void join(long deadline) throws InterruptedException {
    for (Thread t : threads) {
      long left = deadline - System.nanoTime();
      if (left > 0) {
        t.join(Math.max(1, left / 1_000_000L));
      }
    }
  }

  void threadDone() {
    if (running.decrementAndGet() == 0 && removed.compareAndSet(false, true)) {
      close();
      proxy.forget(this);
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing is all we wanted
    }
  }
}
