package dev.snow.faultproxy.toxic;

import java.util.function.Consumer;

/**
 * One toxic running on one link (one direction of one connection): a stage of the link's chain.
 *
 * <p>A link feeds every chunk through its chain in order; each stage emits what it lets through
 * to the next. Stages keep their own state (a bandwidth clock, a byte count) for the link's
 * lifetime. Times are {@link System#nanoTime()} instants handed in by the link.
 */
public interface Toxic {

  /** No deadline. */
  long NEVER = Long.MAX_VALUE;

  /**
   * Handles one chunk reaching this stage.
   *
   * @param in  the chunk; {@code in.due()} is when it reaches this stage
   * @param out receives what this stage lets through, in order
   */
  void accept(Chunk in, Consumer<Chunk> out);

  /** The instant this stage must act without input ({@link #onDeadline}), or {@link #NEVER}. */
  default long deadline() {
    return NEVER;
  }

  /** Called once {@code now >= deadline()}; may emit chunks (e.g. the end of the stream). */
  default void onDeadline(long now, Consumer<Chunk> out) {
  }

  /** Called when the toxic is removed while the link runs; may emit chunks. */
  default void onRemoved(long now, Consumer<Chunk> out) {
  }
}
