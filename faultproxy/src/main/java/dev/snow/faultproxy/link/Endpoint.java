package dev.snow.faultproxy.link;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * A {@code host:port} as Toxiproxy's {@code listen} and {@code upstream} fields spell it:
 * {@code 127.0.0.1:8080}, {@code [::1]:8080}, {@code localhost:0}. An empty host means loopback
 * here (Toxiproxy would listen on every interface).
 *
 * @param host the host as given, brackets removed
 * @param port 0..65535
 */
public record Endpoint(String host, int port) {

  /** Parses {@code value}; the message names the rule broken and the value seen. */
  public static Endpoint parse(String value) {
    int colon = value == null ? -1 : value.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("address must be host:port, saw \"" + value + "\"");
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(value.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("port must be a number, saw \"" + value + "\"");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in 0..65535, saw " + port);
    }
    return new Endpoint(host, port);
  }

  /** Resolves the host (empty = 127.0.0.1). */
  public InetSocketAddress resolve() throws UnknownHostException {
    InetAddress addr = host.isEmpty() ? InetAddress.getLoopbackAddress() : InetAddress.getByName(host);
    return new InetSocketAddress(addr, port);
  }

  /** Go's spelling of a resolved address: {@code 127.0.0.1:80}, {@code [::1]:80}. */
  public static String format(InetSocketAddress a) {
    InetAddress addr = a.getAddress();
    String host = addr.getHostAddress();
    if (addr instanceof Inet6Address) {
      int zone = host.indexOf('%');
      host = "[" + (zone >= 0 ? host.substring(0, zone) : host).replaceAll("(^|:)0(:0)+(:|$)", "::")
          .replaceAll(":{3,}", "::") + "]";
    }
    return host + ":" + a.getPort();
  }
}
