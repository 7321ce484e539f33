package dev.snow.faultproxy.link;

import dev.snow.faultproxy.toxic.Direction;

/** Test access to {@link LinkSeeds}. */
public final class LinkSeedsAccess {

  private LinkSeedsAccess() {
  }

  public static long mix(long seed, long connection, Direction d) {
    return LinkSeeds.mix(seed, connection, d);
  }
}
