package dev.snow.faultproxy.toxic;

/**
 * One attribute a toxic type takes: its JSON name, whether it is an integer (Toxiproxy's int64
 * fields) or a fraction, and the range this server accepts.
 *
 * @param name     JSON name, e.g. {@code average_size}
 * @param integral true for integers (milliseconds, bytes, KB/s), false for fractions
 * @param min      smallest value accepted
 * @param max      largest value accepted
 */
public record Attribute(String name, boolean integral, double min, double max) {

  static Attribute count(String name) {
    return new Attribute(name, true, 0, Long.MAX_VALUE);
  }

  static Attribute positive(String name) {
    return new Attribute(name, true, 1, Long.MAX_VALUE);
  }

  static Attribute anyLong(String name) {
    return new Attribute(name, true, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  static Attribute fraction(String name) {
    return new Attribute(name, false, 0, 1);
  }

  /** The value a new toxic gets when the request leaves the attribute out (Go's zero value). */
  public Number zero() {
    return integral ? (Number) 0L : (Number) 0.0;
  }

  /**
   * Checks one value.
   *
   * @return null when acceptable, else the message naming the rule and the value seen
   */
  public String check(Number value) {
    double v = value.doubleValue();
    if (integral && (value instanceof Double || value instanceof Float) && v != Math.rint(v)) {
      return "attribute " + name + " must be an integer, saw " + value;
    }
    if (Double.isNaN(v) || v < min || v > max) {
      return "attribute " + name + " must be in [" + fmt(min) + ", " + fmt(max) + "], saw " + value;
    }
    return null;
  }

  private static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
