package dev.snow.faultproxy.toxic;

import java.util.function.Consumer;

/** {@code noop}: lets everything through unchanged (also what a toxic is when its toxicity roll fails). */
public final class NoopToxic implements Toxic {

  @Override
  public void accept(Chunk in, Consumer<Chunk> out) {
    out.accept(in);
  }
}
