package dev.snow.faultproxy.cli;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The benchmark's loopback server. A client's first byte picks the mode:
 *
 * <pre>
 *  'p'                         echo every byte back (pings)
 *  'b' | length: u64 big-endian | length bytes   read them all, answer one byte (bulk)
 * </pre>
 */
final class BenchPeer implements AutoCloseable {

  private final ServerSocket server;

  BenchPeer() throws IOException {
    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Thread t = new Thread(this::acceptLoop, "bench-peer-accept");
    t.setDaemon(true);
    t.start();
  }

  String address() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (true) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException closed) {
        return;
      }
      Thread t = new Thread(() -> serve(s), "bench-peer-conn");
      t.setDaemon(true);
      t.start();
    }
  }

  private static void serve(Socket s) {
    try (s) {
      s.setTcpNoDelay(true);
      DataInputStream in = new DataInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      int mode = in.read();
      byte[] buf = new byte[64 * 1024];
      if (mode == 'p') {
        int n;
        while ((n = in.read(buf)) >= 0) {
          out.write(buf, 0, n);
        }
      } else if (mode == 'b') {
        long left = in.readLong();
        while (left > 0) {
          int n = in.read(buf, 0, (int) Math.min(buf.length, left));
          if (n < 0) {
            return;
          }
          left -= n;
        }
        out.write(1);
      }
    } catch (IOException gone) {
      // the bench closed its side
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
