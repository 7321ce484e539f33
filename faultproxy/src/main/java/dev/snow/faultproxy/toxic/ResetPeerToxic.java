package dev.snow.faultproxy.toxic;

import java.util.function.Consumer;

/**
 * {@code reset_peer}: the first chunk to reach this stage (data or the end) arms it; {@code
 * timeout} milliseconds later the connection is reset (both sockets closed with SO_LINGER 0, so
 * both peers see RST). That chunk and everything after it is dropped.
 */
public final class ResetPeerToxic implements Toxic {

  private final long timeoutMs;
  private boolean fired;

  public ResetPeerToxic(long timeoutMs) {
    this.timeoutMs = timeoutMs;
  }

  @Override
  public void accept(Chunk in, Consumer<Chunk> out) {
    if (!fired) {
      fired = true;
      out.accept(Chunk.reset(in.due() + timeoutMs * 1_000_000L));
    }
  }
}
