package dev.snow.faultproxy.link;

import dev.snow.faultproxy.toxic.Direction;

/**
 * Seeds for seeded toxics: one generator per (toxic seed, connection number on its proxy,
 * direction), so every connection draws its own sequence and a run that opens connections in
 * the same order replays exactly.
 */
final class LinkSeeds {

  private LinkSeeds() {
  }

  static long mix(long seed, long connectionIndex, Direction direction) {
    long z = seed ^ (connectionIndex * 0x9E3779B97F4A7C15L) ^ ((direction.ordinal() + 1L) << 56);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
