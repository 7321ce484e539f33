package dev.snow.faultproxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snow.faultproxy.link.Proxy;
import dev.snow.faultproxy.toxic.Attribute;
import dev.snow.faultproxy.toxic.ToxicSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request and response bodies, in Toxiproxy's shapes and field order:
 *
 * <pre>
 * proxy: {"name":"a","listen":"127.0.0.1:4001","upstream":"127.0.0.1:5001","enabled":true,"toxics":[…]}
 * toxic: {"attributes":{…},"name":"latency_downstream","type":"latency","stream":"downstream","toxicity":1.0}
 * error: {"error":"proxy not found","status":404}
 * </pre>
 */
final class ApiJson {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private ApiJson() {
  }

  /** Parses a request body; an unreadable one is Toxiproxy's 400 "bad request body: …". */
  static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      throw ApiError.badBody("EOF");
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw ApiError.badBody("EOF");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ApiError.badBody(e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw ApiError.badBody(e.getMessage());
    }
  }

  static JsonNode object(JsonNode node, String what) {
    if (!node.isObject()) {
      throw ApiError.badBody(what + " must be a JSON object, saw " + node.getNodeType().name().toLowerCase());
    }
    return node;
  }

  /** A string field, or {@code fallback} when absent or null. */
  static String string(JsonNode obj, String field, String fallback) {
    JsonNode v = obj.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isTextual()) {
      throw ApiError.badBody("field " + field + " must be a string, saw " + v);
    }
    return v.asText();
  }

  static boolean bool(JsonNode obj, String field, boolean fallback) {
    JsonNode v = obj.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isBoolean()) {
      throw ApiError.badBody("field " + field + " must be true or false, saw " + v);
    }
    return v.asBoolean();
  }

  static float toxicity(JsonNode obj, float fallback) {
    JsonNode v = obj.get("toxicity");
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isNumber() || v.asDouble() < 0 || v.asDouble() > 1) {
      throw ApiError.badBody("toxicity must be a number in [0, 1], saw " + v);
    }
    return (float) v.asDouble();
  }

  /**
   * The attributes of a toxic: {@code base} overlaid with what {@code attributes} gives (fields
   * the type does not know are ignored, as Go's decoder does).
   */
  static Map<String, Number> attributes(JsonNode attributes, List<Attribute> schema,
      Map<String, Number> base) {
    Map<String, Number> out = new LinkedHashMap<>();
    for (Attribute a : schema) {
      out.put(a.name(), base.getOrDefault(a.name(), a.zero()));
    }
    if (attributes == null || attributes.isNull()) {
      return check(out, schema);
    }
    object(attributes, "attributes");
    for (Attribute a : schema) {
      JsonNode v = attributes.get(a.name());
      if (v == null || v.isNull()) {
        continue;
      }
      if (!v.isNumber()) {
        throw ApiError.badBody("attribute " + a.name() + " must be a number, saw " + v);
      }
      if (a.integral() && !v.canConvertToExactIntegral()) {
        throw ApiError.badBody("attribute " + a.name() + " must be an integer, saw " + v);
      }
      if (a.integral() && !v.canConvertToLong()) {
        throw ApiError.badBody("attribute " + a.name() + " does not fit in 64 bits, saw " + v);
      }
      out.put(a.name(), a.integral() ? (Number) v.asLong() : (Number) v.asDouble());
    }
    return check(out, schema);
  }

  private static Map<String, Number> check(Map<String, Number> values, List<Attribute> schema) {
    for (Attribute a : schema) {
      String problem = a.check(values.get(a.name()));
      if (problem != null) {
        throw ApiError.badBody(problem);
      }
    }
    return values;
  }

  static ObjectNode toxic(ToxicSpec t) {
    ObjectNode n = MAPPER.createObjectNode();
    ObjectNode attrs = n.putObject("attributes");
    t.attributes().forEach((k, v) -> {
      if (v instanceof Long l) {
        attrs.put(k, l);
      } else {
        attrs.put(k, v.doubleValue());
      }
    });
    n.put("name", t.name());
    n.put("type", t.type().json());
    n.put("stream", t.stream().json());
    n.put("toxicity", t.toxicity());
    return n;
  }

  static ArrayNode toxics(List<ToxicSpec> list) {
    ArrayNode a = MAPPER.createArrayNode();
    list.forEach(t -> a.add(toxic(t)));
    return a;
  }

  static ObjectNode proxy(Proxy p) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("name", p.name());
    n.put("listen", p.listen());
    n.put("upstream", p.upstream());
    n.put("enabled", p.enabled());
    n.set("toxics", toxics(p.toxics().all()));
    return n;
  }

  static ObjectNode error(ApiError e) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("error", e.getMessage());
    n.put("status", e.status);
    return n;
  }
}
