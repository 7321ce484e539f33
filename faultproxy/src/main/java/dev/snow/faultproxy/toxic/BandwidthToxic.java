package dev.snow.faultproxy.toxic;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * {@code bandwidth}: limits the stream to {@code rate} KB/s (1 KB = 1000 bytes, as Toxiproxy
 * computes it: a chunk of n bytes takes n / rate milliseconds). A chunk larger than 100 ms worth
 * of bytes ({@code rate} × 100) is cut into such pieces, one per 100 ms. Idle time earns no
 * credit: the clock restarts at each chunk's arrival when the link was idle. {@code rate} 0 lets
 * everything through.
 */
public final class BandwidthToxic implements Toxic {

  private final long rateKBps;
  private long clock = Long.MIN_VALUE;

  public BandwidthToxic(long rateKBps) {
    this.rateKBps = rateKBps;
  }

  @Override
  public void accept(Chunk in, Consumer<Chunk> out) {
    if (!in.isData() || rateKBps <= 0) {
      out.accept(in);
      return;
    }
    long t = Math.max(in.due(), clock);
    long pieceMax = Math.max(1, Math.min(Integer.MAX_VALUE, rateKBps * 100));
    byte[] data = in.data();
    for (int from = 0; from < data.length; ) {
      int to = (int) Math.min(data.length, from + pieceMax);
      t += (to - from) * 1_000_000L / rateKBps;
      out.accept(Chunk.data(from == 0 && to == data.length ? data : Arrays.copyOfRange(data, from, to), t));
      from = to;
    }
    clock = t;
  }
}
