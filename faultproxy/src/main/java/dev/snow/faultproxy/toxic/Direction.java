package dev.snow.faultproxy.toxic;

import java.util.Locale;

/**
 * A toxic's {@code stream}: {@code upstream} is client to server (what the proxy reads from the
 * accepted socket), {@code downstream} is server to client.
 */
public enum Direction {
  UPSTREAM, DOWNSTREAM;

  /** The JSON spelling, lower case. */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses Toxiproxy's spelling, case-insensitively; null when it is neither. */
  public static Direction parse(String value) {
    if (value == null) {
      return null;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "upstream" -> UPSTREAM;
      case "downstream" -> DOWNSTREAM;
      default -> null;
    };
  }
}
