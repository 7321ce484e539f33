package dev.snow.faultproxy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The toxic calls the official Java client cannot make for our {@code loss} toxic, over plain
 * HTTP: create ({@code POST /proxies/{proxy}/toxics}) and remove.
 */
public final class ToxicRequests {

  private ToxicRequests() {
  }

  /**
   * Adds a {@code loss} toxic.
   *
   * @param apiUrl   the server's URL, e.g. {@link FaultServer#url()}
   * @param proxy    proxy name
   * @param name     toxic name
   * @param stream   {@code upstream} or {@code downstream}
   * @param rate     loss probability per chunk, 0..1
   * @param seed     seed of the loss draws
   * @throws IOException {@code [status] error} when the server refuses, as the official client words it
   */
  public static void addLoss(String apiUrl, String proxy, String name, String stream, double rate,
      long seed) throws IOException {
    ObjectNode json = ApiJson.MAPPER.createObjectNode();
    json.put("name", name);
    json.put("type", "loss");
    json.put("stream", stream);
    json.put("toxicity", 1.0);
    json.putObject("attributes").put("rate", rate).put("seed", seed);
    String body = json.toString();
    send(apiUrl + "/proxies/" + proxy + "/toxics", "POST", body);
  }

  /**
   * Removes a toxic of any type (the official client cannot look up a {@code loss} or
   * {@code noop} toxic to remove it: its type enum lacks them).
   *
   * @throws IOException {@code [404] toxic not found} and the like
   */
  public static void remove(String apiUrl, String proxy, String name) throws IOException {
    send(apiUrl + "/proxies/" + proxy + "/toxics/" + name, "DELETE", null);
  }

  private static void send(String url, String method, String body) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    try {
      c.setConnectTimeout(10_000);
      c.setReadTimeout(30_000);
      c.setRequestMethod(method);
      if (body != null) {
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = c.getOutputStream()) {
          out.write(body.getBytes(StandardCharsets.UTF_8));
        }
      }
      int status = c.getResponseCode();
      if (status / 100 == 2) {
        if (status != 204) {
          c.getInputStream().readAllBytes();
        }
        return;
      }
      String raw = c.getErrorStream() == null ? ""
          : new String(c.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      String error = raw;
      try {
        error = ApiJson.MAPPER.readTree(raw).path("error").asText(raw);
      } catch (IOException notJson) {
        // keep the raw body
      }
      throw new IOException("[" + status + "] " + error);
    } finally {
      c.disconnect();
    }
  }
}
