package dev.snow.faultproxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Raw HTTP for the tests that check status codes and bodies byte for byte. */
final class Http {

  /** @param status the status code  @param body the body, "" when none */
  record Answer(int status, String body) { }

  private Http() {
  }

  static Answer call(FaultServer server, String method, String path, String body) throws IOException {
    return call(server, method, path, body, null);
  }

  static Answer call(FaultServer server, String method, String path, String body, String userAgent)
      throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(server.url() + path).toURL().openConnection();
    try {
      c.setConnectTimeout(5_000);
      c.setReadTimeout(30_000);
      c.setRequestMethod(method);
      if (userAgent != null) {
        c.setRequestProperty("User-Agent", userAgent);
      }
      if (body != null) {
        c.setDoOutput(true);
        try (OutputStream out = c.getOutputStream()) {
          out.write(body.getBytes(StandardCharsets.UTF_8));
        }
      }
      int status = c.getResponseCode();
      InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream();
      String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new Answer(status, text);
    } finally {
      c.disconnect();
    }
  }
}
