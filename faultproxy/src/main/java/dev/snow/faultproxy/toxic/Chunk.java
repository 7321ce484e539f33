package dev.snow.faultproxy.toxic;

import java.util.Objects;

/**
 * One unit of a byte stream moving through a toxic chain, or the stream's end.
 *
 * <p>A {@link Kind#DATA} chunk carries the bytes of one read from the source socket (at most the
 * link's read buffer, 16 KiB) or a piece of one. {@link Kind#END} closes the destination
 * gracefully (FIN); {@link Kind#RESET} closes both sockets of the connection with SO_LINGER 0
 * (RST). {@code due} is the {@link System#nanoTime()} instant before which the chunk must not be
 * written; a writer keeps chunks in order, so a chunk is written at the later of its own due time
 * and the write of the chunk before it.
 *
 * @param kind what the chunk is
 * @param data the bytes ({@code DATA} only; empty for the markers); never modified once made
 * @param due  earliest write instant, nanoTime scale
 */
public record Chunk(Kind kind, byte[] data, long due) {

  /** What a chunk is. */
  public enum Kind { DATA, END, RESET }

  private static final byte[] NONE = new byte[0];

  public Chunk {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(data, "data");
  }

  public static Chunk data(byte[] bytes, long due) {
    return new Chunk(Kind.DATA, bytes, due);
  }

  public static Chunk end(long due) {
    return new Chunk(Kind.END, NONE, due);
  }

  public static Chunk reset(long due) {
    return new Chunk(Kind.RESET, NONE, due);
  }

  public boolean isData() {
    return kind == Kind.DATA;
  }

  public int length() {
    return data.length;
  }

  /** The same chunk, due at {@code newDue}. */
  public Chunk at(long newDue) {
    return new Chunk(kind, data, newDue);
  }
}
