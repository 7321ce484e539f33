package dev.snow.faultproxy;

import dev.snow.faultproxy.toxic.Direction;
import dev.snow.faultproxy.toxic.LossToxic;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The delays a seeded loss toxic gives the chunks of one link, computed apart from the proxy:
 * the same generator (seed mixed with connection number and direction), the toxicity draw
 * first, then the consecutive-loss draws per chunk.
 */
final class LossDraws {

  private LossDraws() {
  }

  static List<Long> delaysMs(long seed, long connection, Direction d, double rate, int chunks) {
    SplittableRandom r = new SplittableRandom(dev.snow.faultproxy.link.LinkSeedsAccess.mix(seed, connection, d));
    r.nextDouble(); // the toxicity roll
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < chunks; i++) {
      int n = 0;
      while (n < LossToxic.MAX_RETRANSMISSIONS && r.nextDouble() < rate) {
        n++;
      }
      out.add(200L * ((1L << n) - 1));
    }
    return out;
  }
}
