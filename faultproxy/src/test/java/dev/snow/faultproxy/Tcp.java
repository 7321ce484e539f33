package dev.snow.faultproxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** Loopback TCP helpers for the tests: dial, exchange, read with deadlines. */
final class Tcp {

  private Tcp() {
  }

  /** Dials {@code host:port} (loopback only) with a read timeout as the test's deadline. */
  static Socket dial(String hostPort, int readTimeoutMs) throws IOException {
    int colon = hostPort.lastIndexOf(':');
    String host = hostPort.substring(0, colon);
    if (!host.equals("127.0.0.1") && !host.equals("[::1]")) {
      throw new IllegalArgumentException("tests dial loopback only, saw " + hostPort);
    }
    Socket s = new Socket();
    s.connect(new InetSocketAddress(host.replace("[", "").replace("]", ""),
        Integer.parseInt(hostPort.substring(colon + 1))), 5_000);
    s.setTcpNoDelay(true);
    s.setSoTimeout(readTimeoutMs);
    return s;
  }

  /** Reads exactly n bytes (the socket's read timeout is the deadline). */
  static byte[] readExactly(Socket s, int n) throws IOException {
    byte[] out = s.getInputStream().readNBytes(n);
    if (out.length != n) {
      throw new IOException("stream ended after " + out.length + " of " + n + " bytes");
    }
    return out;
  }

  /** Sends {@code data}, reads it back; returns the round trip in milliseconds. */
  static double roundTripMs(Socket s, byte[] data) throws IOException {
    long t0 = System.nanoTime();
    s.getOutputStream().write(data);
    readExactly(s, data.length);
    return (System.nanoTime() - t0) / 1e6;
  }

  /** Everything until the end of the stream (the read timeout is the deadline). */
  static byte[] readToEnd(Socket s) throws IOException {
    return s.getInputStream().readAllBytes();
  }

  /** How the stream ended: "eof", "reset" (an exception other than a timeout), or "timeout". */
  static String awaitEnd(Socket s) {
    try {
      InputStream in = s.getInputStream();
      ByteArrayOutputStream sink = new ByteArrayOutputStream();
      byte[] buf = new byte[4096];
      int n;
      while ((n = in.read(buf)) >= 0) {
        sink.write(buf, 0, n);
      }
      return "eof";
    } catch (SocketTimeoutException e) {
      return "timeout";
    } catch (IOException e) {
      return "reset";
    }
  }
}
