package dev.snow.faultproxy.toxic;

import java.util.function.Consumer;

/**
 * {@code timeout}: every data chunk is dropped. With {@code timeout} > 0 the stream is closed
 * that many milliseconds after the toxic started on this link (the link's start, or the toxic's
 * creation for a link already open); with 0 the connection is held open, silent, until the source
 * closes. Nothing dropped is ever delivered. Removing the toxic closes the stream too, as
 * Toxiproxy's {@code Cleanup} does: a connection that lived through a timeout does not resume.
 */
public final class TimeoutToxic implements Toxic {

  private long deadline;
  private boolean closed;

  /**
   * @param timeoutMs 0 = hold forever
   * @param startedAt when the toxic started on this link
   */
  public TimeoutToxic(long timeoutMs, long startedAt) {
    this.deadline = timeoutMs > 0 ? startedAt + timeoutMs * 1_000_000L : NEVER;
  }

  @Override
  public void accept(Chunk in, Consumer<Chunk> out) {
    if (!closed && !in.isData()) {
      closed = true;
      deadline = NEVER;
      out.accept(in);
    }
  }

  @Override
  public long deadline() {
    return deadline;
  }

  @Override
  public void onDeadline(long now, Consumer<Chunk> out) {
    if (!closed) {
      closed = true;
      deadline = NEVER;
      out.accept(Chunk.end(now));
    }
  }

  @Override
  public void onRemoved(long now, Consumer<Chunk> out) {
    onDeadline(now, out);
  }
}
