package dev.snow.faultproxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.snow.faultproxy.link.Proxy;
import dev.snow.faultproxy.toxic.Direction;
import dev.snow.faultproxy.toxic.ToxicSpec;
import dev.snow.faultproxy.toxic.ToxicType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Toxiproxy's routes, one handler:
 *
 * <pre>
 * GET  /version                     POST /reset              POST /populate
 * GET  /proxies                     POST /proxies
 * GET  /proxies/{p}                 POST|PATCH /proxies/{p}  DELETE /proxies/{p}
 * GET  /proxies/{p}/toxics          POST /proxies/{p}/toxics
 * GET  /proxies/{p}/toxics/{t}      POST|PATCH …/{t}         DELETE …/{t}
 * </pre>
 *
 * A path no route matches is a 404 {@code 404 page not found}; a route with the wrong method a
 * bare 405; a browser (User-Agent {@code Mozilla/…}) a 403, as in Toxiproxy.
 */
final class Api implements HttpHandler {

  /** The version /version reports. */
  static final String VERSION = "0.1.0-snow-faultproxy";
  /** Request bodies are read up to this many bytes. */
  static final int MAX_BODY = 1 << 20;

  private final ProxyRegistry registry;

  Api(ProxyRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try {
      route(ex);
    } catch (ApiError e) {
      send(ex, e.status, ApiJson.error(e));
    } catch (RuntimeException e) {
      send(ex, 500, ApiJson.error(ApiError.internal(String.valueOf(e))));
    } finally {
      ex.close();
    }
  }

  private void route(HttpExchange ex) throws IOException {
    String ua = ex.getRequestHeaders().getFirst("User-Agent");
    if (ua != null && ua.startsWith("Mozilla/")) {
      sendText(ex, 403, "User agent not allowed\n");
      return;
    }
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getPath();
    String[] seg = path.length() > 1 ? path.substring(1).split("/", -1) : new String[] {""};
    for (String s : seg) {
      if (s.isEmpty()) {
        sendText(ex, 404, "404 page not found\n");
        return;
      }
    }
    switch (seg.length) {
      case 1 -> {
        switch (seg[0]) {
          case "version" -> {
            if (allow(ex, method, "GET")) {
              byte[] body = ("{\"version\": \"" + VERSION + "\"}\n").getBytes(StandardCharsets.UTF_8);
              ex.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
              ex.sendResponseHeaders(200, body.length);
              ex.getResponseBody().write(body);
            }
          }
          case "reset" -> {
            if (allow(ex, method, "POST")) {
              registry.reset();
              noContent(ex);
            }
          }
          case "populate" -> {
            if (allow(ex, method, "POST")) {
              populate(ex);
            }
          }
          case "proxies" -> {
            if (allow(ex, method, "GET", "POST")) {
              if (method.equals("GET")) {
                ObjectNode all = ApiJson.MAPPER.createObjectNode();
                registry.all().forEach(p -> all.set(p.name(), ApiJson.proxy(p)));
                send(ex, 200, all);
              } else {
                send(ex, 201, ApiJson.proxy(registry.create(wanted(body(ex), null))));
              }
            }
          }
          default -> sendText(ex, 404, "404 page not found\n");
        }
      }
      case 2 -> {
        if (!seg[0].equals("proxies")) {
          sendText(ex, 404, "404 page not found\n");
        } else if (allow(ex, method, "GET", "POST", "PATCH", "DELETE")) {
          proxy(ex, method, seg[1]);
        }
      }
      case 3, 4 -> {
        if (!seg[0].equals("proxies") || !seg[2].equals("toxics")) {
          sendText(ex, 404, "404 page not found\n");
        } else if (seg.length == 3 && allow(ex, method, "GET", "POST")) {
          toxics(ex, method, registry.get(seg[1]));
        } else if (seg.length == 4 && allow(ex, method, "GET", "POST", "PATCH", "DELETE")) {
          toxic(ex, method, registry.get(seg[1]), seg[3]);
        }
      }
      default -> sendText(ex, 404, "404 page not found\n");
    }
  }

  private void proxy(HttpExchange ex, String method, String name) throws IOException {
    switch (method) {
      case "GET" -> send(ex, 200, ApiJson.proxy(registry.get(name)));
      case "DELETE" -> {
        registry.delete(name);
        noContent(ex);
      }
      default -> {
        Proxy p = registry.get(name);
        JsonNode body = body(ex);
        send(ex, 200, ApiJson.proxy(registry.update(name, wanted(body, p))));
      }
    }
  }

  private void toxics(HttpExchange ex, String method, Proxy p) throws IOException {
    if (method.equals("GET")) {
      send(ex, 200, ApiJson.toxics(p.toxics().all()));
      return;
    }
    JsonNode body = ApiJson.object(body(ex), "toxic");
    Direction stream = Direction.parse(ApiJson.string(body, "stream", "downstream"));
    if (stream == null) {
      throw ApiError.invalidStream();
    }
    String typeName = ApiJson.string(body, "type", "");
    String name = ApiJson.string(body, "name", "");
    if (name.isEmpty()) {
      name = typeName + "_" + stream.json();
    }
    ToxicType type = ToxicType.parse(typeName);
    if (type == null) {
      throw ApiError.invalidToxicType();
    }
    if (p.toxics().get(name).isPresent()) {
      throw ApiError.toxicExists();
    }
    float toxicity = ApiJson.toxicity(body, 1.0f);
    ToxicSpec spec = new ToxicSpec(name, type, stream, toxicity,
        ApiJson.attributes(body.get("attributes"), type.attributes(), Map.of()));
    if (!p.toxics().add(spec)) {
      throw ApiError.toxicExists();
    }
    send(ex, 200, ApiJson.toxic(spec));
  }

  private void toxic(HttpExchange ex, String method, Proxy p, String name) throws IOException {
    ToxicSpec t = p.toxics().get(name).orElseThrow(ApiError::toxicNotFound);
    switch (method) {
      case "GET" -> send(ex, 200, ApiJson.toxic(t));
      case "DELETE" -> {
        if (!p.toxics().remove(name)) {
          throw ApiError.toxicNotFound();
        }
        noContent(ex);
      }
      default -> {
        JsonNode body = ApiJson.object(body(ex), "toxic");
        ToxicSpec updated = new ToxicSpec(t.name(), t.type(), t.stream(),
            ApiJson.toxicity(body, t.toxicity()),
            ApiJson.attributes(body.get("attributes"), t.type().attributes(), t.attributes()));
        if (!p.toxics().replace(updated)) {
          throw ApiError.toxicNotFound();
        }
        send(ex, 200, ApiJson.toxic(updated));
      }
    }
  }

  private void populate(HttpExchange ex) throws IOException {
    List<Proxy> done = new ArrayList<>();
    ApiError failure = null;
    try {
      JsonNode body = body(ex);
      if (!body.isArray()) {
        throw ApiError.badBody("populate takes a JSON array of proxies, saw "
            + body.getNodeType().name().toLowerCase());
      }
      List<ProxyRegistry.Wanted> wanted = new ArrayList<>();
      for (int i = 0; i < body.size(); i++) {
        JsonNode item = ApiJson.object(body.get(i), "proxy " + (i + 1));
        String name = ApiJson.string(item, "name", "");
        String upstream = ApiJson.string(item, "upstream", "");
        if (name.isEmpty()) {
          throw ApiError.missingField("name at proxy " + (i + 1));
        }
        if (upstream.isEmpty()) {
          throw ApiError.missingField("upstream at proxy " + (i + 1));
        }
        wanted.add(new ProxyRegistry.Wanted(name, listenOrDefault(ApiJson.string(item, "listen", "")),
            upstream, ApiJson.bool(item, "enabled", true)));
      }
      registry.populate(wanted, done);
    } catch (ApiError e) {
      failure = e;
    }
    ObjectNode out = failure == null ? ApiJson.MAPPER.createObjectNode() : ApiJson.error(failure);
    ArrayNode list = out.putArray("proxies");
    done.forEach(p -> list.add(ApiJson.proxy(p)));
    send(ex, failure == null ? 201 : failure.status, out);
  }

  /** A create (base null) or update (defaults from base) request. */
  private static ProxyRegistry.Wanted wanted(JsonNode body, Proxy base) {
    ApiJson.object(body, "proxy");
    if (base == null) {
      String name = ApiJson.string(body, "name", "");
      String upstream = ApiJson.string(body, "upstream", "");
      if (name.isEmpty()) {
        throw ApiError.missingField("name");
      }
      if (upstream.isEmpty()) {
        throw ApiError.missingField("upstream");
      }
      return new ProxyRegistry.Wanted(name, listenOrDefault(ApiJson.string(body, "listen", "")),
          upstream, ApiJson.bool(body, "enabled", true));
    }
    return new ProxyRegistry.Wanted(base.name(), ApiJson.string(body, "listen", base.listen()),
        ApiJson.string(body, "upstream", base.upstream()), ApiJson.bool(body, "enabled", base.enabled()));
  }

  /** An empty listen binds an ephemeral loopback port (Toxiproxy: every interface). */
  private static String listenOrDefault(String listen) {
    return listen.isEmpty() ? "127.0.0.1:0" : listen;
  }

  private static JsonNode body(HttpExchange ex) throws IOException {
    InputStream in = ex.getRequestBody();
    byte[] data = in.readNBytes(MAX_BODY + 1);
    if (data.length > MAX_BODY) {
      throw ApiError.badBody("larger than " + MAX_BODY + " bytes");
    }
    return ApiJson.parse(data);
  }

  private static boolean allow(HttpExchange ex, String method, String... allowed) throws IOException {
    if (Set.of(allowed).contains(method)) {
      return true;
    }
    ex.sendResponseHeaders(405, -1);
    return false;
  }

  private static void noContent(HttpExchange ex) throws IOException {
    ex.sendResponseHeaders(204, -1);
  }

  private static void send(HttpExchange ex, int status, JsonNode json) throws IOException {
    byte[] body = ApiJson.MAPPER.writeValueAsBytes(json);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, body.length);
    ex.getResponseBody().write(body);
  }

  private static void sendText(HttpExchange ex, int status, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    ex.sendResponseHeaders(status, body.length);
    ex.getResponseBody().write(body);
  }
}
