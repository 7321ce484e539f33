package dev.snow.faultproxy.toxic;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * {@code limit_data}: lets {@code bytes} bytes through on this link, then closes the stream (FIN
 * to the destination); the rest is dropped. {@code bytes} 0 closes at the first data.
 */
public final class LimitDataToxic implements Toxic {

  private final long limit;
  private long transmitted;
  private boolean closed;

  public LimitDataToxic(long bytes) {
    this.limit = bytes;
  }

  @Override
  public void accept(Chunk in, Consumer<Chunk> out) {
    if (closed) {
      return;
    }
    if (!in.isData()) {
      closed = true;
      out.accept(in);
      return;
    }
    long remaining = Math.max(0, limit - transmitted);
    Chunk pass = in.length() <= remaining ? in
        : Chunk.data(Arrays.copyOf(in.data(), (int) remaining), in.due());
    if (pass.length() > 0) {
      out.accept(pass);
      transmitted += pass.length();
    }
    if (limit - transmitted <= 0) {
      closed = true;
      out.accept(Chunk.end(in.due()));
    }
  }
}
