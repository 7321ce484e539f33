package dev.snow.faultproxy.toxic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A toxic as the API sees it: immutable; an update makes a new spec under the same name.
 *
 * <p>JSON, in Toxiproxy's field order:
 * <pre>
 * {"attributes":{"latency":100,"jitter":10},"name":"latency_downstream","type":"latency",
 *  "stream":"downstream","toxicity":1.0}
 * </pre>
 *
 * @param name       unique within its proxy (both streams)
 * @param type       the toxic type
 * @param stream     the direction it acts on
 * @param toxicity   probability in [0, 1] that it acts on a given connection
 * @param attributes every attribute of the type, in the type's order
 */
public record ToxicSpec(String name, ToxicType type, Direction stream, float toxicity,
    Map<String, Number> attributes) {

  public ToxicSpec {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /** The seed a {@code loss} toxic was given, or null for other types. */
  public Long seed() {
    return type == ToxicType.LOSS ? attributes.get("seed").longValue() : null;
  }
}
