package dev.snow.faultproxy.toxic;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * {@code latency}: each data chunk is delayed by {@code latency} ± {@code jitter} milliseconds,
 * counted from when it reaches this stage (so chunks in flight overlap: latency does not cut
 * throughput). The jitter is uniform in [-jitter, jitter). The end of the stream is not delayed,
 * but it is written after the delayed data before it, as in Toxiproxy.
 */
public final class LatencyToxic implements Toxic {

  private final long latencyMs;
  private final long jitterMs;
  private final SplittableRandom random;

  public LatencyToxic(long latencyMs, long jitterMs, SplittableRandom random) {
    this.latencyMs = latencyMs;
    this.jitterMs = jitterMs;
    this.random = random;
  }

  @Override
  public void accept(Chunk in, Consumer<Chunk> out) {
    if (!in.isData()) {
      out.accept(in);
      return;
    }
    long delayMs = latencyMs;
    if (jitterMs > 0) {
      delayMs += random.nextLong(2 * jitterMs) - jitterMs;
    }
    out.accept(in.at(in.due() + Math.max(0, delayMs) * 1_000_000L));
  }
}
