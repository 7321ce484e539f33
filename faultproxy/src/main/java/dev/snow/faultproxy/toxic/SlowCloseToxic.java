package dev.snow.faultproxy.toxic;

import java.util.function.Consumer;

/** {@code slow_close}: data passes unchanged; the end of the stream is delayed by {@code delay} ms. */
public final class SlowCloseToxic implements Toxic {

  private final long delayMs;

  public SlowCloseToxic(long delayMs) {
    this.delayMs = delayMs;
  }

  @Override
  public void accept(Chunk in, Consumer<Chunk> out) {
    out.accept(in.kind() == Chunk.Kind.END ? in.at(in.due() + delayMs * 1_000_000L) : in);
  }
}
