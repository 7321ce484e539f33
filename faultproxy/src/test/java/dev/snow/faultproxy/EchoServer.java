package dev.snow.faultproxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback upstream for the tests: echoes every byte back, or (greeting mode) writes a
 * greeting and closes at once. One thread per connection; close() ends them all.
 */
final class EchoServer implements AutoCloseable {

  private final ServerSocket server;
  private final byte[] greeting;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;

  private EchoServer(byte[] greeting) throws IOException {
    this.greeting = greeting;
    this.server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    acceptor = new Thread(this::acceptLoop, "test-echo-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static EchoServer echo() throws IOException {
    return new EchoServer(null);
  }

  /** Writes {@code greeting} to each client, then closes (FIN). */
  static EchoServer greetAndClose(byte[] greeting) throws IOException {
    return new EchoServer(greeting);
  }

  String address() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  private void acceptLoop() {
    while (true) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException closed) {
        return;
      }
      open.add(s);
      Thread t = new Thread(() -> serve(s), "test-echo-conn");
      t.setDaemon(true);
      t.start();
    }
  }

  private void serve(Socket s) {
    try (s) {
      s.setTcpNoDelay(true);
      OutputStream out = s.getOutputStream();
      if (greeting != null) {
        out.write(greeting);
        return;
      }
      InputStream in = s.getInputStream();
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) >= 0) {
        out.write(buf, 0, n);
      }
    } catch (IOException gone) {
      // the proxy closed or reset: that is what some tests do
    } finally {
      open.remove(s);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
  }
}
