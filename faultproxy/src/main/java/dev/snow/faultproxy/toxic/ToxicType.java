package dev.snow.faultproxy.toxic;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The toxic types this server knows: Toxiproxy's eight plus {@code loss}. Each names its
 * attributes (in JSON order) and makes a running {@link Toxic} for one link.
 */
public enum ToxicType {
  LATENCY(List.of(Attribute.count("latency"), Attribute.count("jitter"))),
  BANDWIDTH(List.of(Attribute.count("rate"))),
  SLOW_CLOSE(List.of(Attribute.count("delay"))),
  TIMEOUT(List.of(Attribute.count("timeout"))),
  RESET_PEER(List.of(Attribute.count("timeout"))),
  SLICER(List.of(Attribute.positive("average_size"), Attribute.count("size_variation"),
      Attribute.count("delay"))),
  LIMIT_DATA(List.of(Attribute.count("bytes"))),
  NOOP(List.of()),
  LOSS(List.of(Attribute.fraction("rate"), Attribute.anyLong("seed")));

  private final List<Attribute> attributes;

  ToxicType(List<Attribute> attributes) {
    this.attributes = attributes;
  }

  /** The JSON name, e.g. {@code slow_close}. */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  public List<Attribute> attributes() {
    return attributes;
  }

  /** The type of that JSON name, or null. */
  public static ToxicType parse(String name) {
    for (ToxicType t : values()) {
      if (t.json().equals(name)) {
        return t;
      }
    }
    return null;
  }

  /**
   * A running instance for one link.
   *
   * @param attrs   the spec's attributes (every one present)
   * @param now     when it starts on the link
   * @param random  the link's generator for this toxic (jitter, slicing, loss draws)
   */
  public Toxic instantiate(Map<String, Number> attrs, long now, SplittableRandom random) {
    return switch (this) {
      case LATENCY -> new LatencyToxic(l(attrs, "latency"), l(attrs, "jitter"), random);
      case BANDWIDTH -> new BandwidthToxic(l(attrs, "rate"));
      case SLOW_CLOSE -> new SlowCloseToxic(l(attrs, "delay"));
      case TIMEOUT -> new TimeoutToxic(l(attrs, "timeout"), now);
      case RESET_PEER -> new ResetPeerToxic(l(attrs, "timeout"));
      case SLICER -> new SlicerToxic(l(attrs, "average_size"), l(attrs, "size_variation"),
          l(attrs, "delay"), random);
      case LIMIT_DATA -> new LimitDataToxic(l(attrs, "bytes"));
      case NOOP -> new NoopToxic();
      case LOSS -> new LossToxic(attrs.get("rate").doubleValue(), random);
    };
  }

  private static long l(Map<String, Number> attrs, String name) {
    return attrs.get(name).longValue();
  }
}
