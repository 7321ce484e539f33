package dev.snow.faultproxy.toxic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * {@code slicer}: cuts each data chunk into pieces of about {@code average_size} bytes (±
 * {@code size_variation}) by halving it at a jittered midpoint until a piece is no more than
 * average + variation, Toxiproxy's algorithm; each piece is written {@code delay} microseconds
 * after the one before, and the next chunk starts after the last piece's delay.
 */
public final class SlicerToxic implements Toxic {

  private final int averageSize;
  private final int sizeVariation;
  private final long delayNanos;
  private final SplittableRandom random;
  private long clock = Long.MIN_VALUE;

  public SlicerToxic(long averageSize, long sizeVariation, long delayMicros, SplittableRandom random) {
    this.averageSize = (int) Math.max(1, Math.min(Integer.MAX_VALUE, averageSize));
    this.sizeVariation = (int) Math.max(0, Math.min(this.averageSize - 1L, sizeVariation));
    this.delayNanos = delayMicros * 1_000L;
    this.random = random;
  }

  @Override
  public void accept(Chunk in, Consumer<Chunk> out) {
    if (!in.isData()) {
      out.accept(in);
      return;
    }
    List<Integer> cuts = new ArrayList<>();
    cuts.add(0);
    cut(0, in.length(), cuts);
    long t = Math.max(in.due(), clock);
    for (int i = 1; i < cuts.size(); i++) {
      out.accept(Chunk.data(Arrays.copyOfRange(in.data(), cuts.get(i - 1), cuts.get(i)), t));
      t += delayNanos;
    }
    clock = t;
  }

  /** Appends the end offsets of the pieces of [start, end) to {@code cuts}. */
  private void cut(int start, int end, List<Integer> cuts) {
    if ((end - start) - averageSize <= sizeVariation) {
      cuts.add(end);
      return;
    }
    int mid = start + (end - start) / 2;
    if (sizeVariation > 0) {
      mid += random.nextInt(sizeVariation * 2) - sizeVariation;
    }
    cut(start, mid, cuts);
    cut(mid, end, cuts);
  }
}
