package dev.snow.faultproxy.toxic;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * {@code loss} (not in Toxiproxy): packet loss as TCP makes it look to the application. Each data
 * chunk is "sent" and lost with probability {@code rate}, again and again; after n consecutive
 * losses it arrives delayed by the retransmission timeouts TCP would have waited:
 *
 * <pre>
 *   delay(n) = RTO·(2^n − 1),  RTO = 200 ms, doubling per retransmission
 *   n = 0: 0 ms   n = 1: 200 ms   n = 2: 600 ms   n = 3: 1400 ms   ...   n = 6: 12600 ms (cap)
 * </pre>
 *
 * Later chunks queue behind a delayed one (head-of-line blocking, as in TCP). n is capped at
 * {@link #MAX_RETRANSMISSIONS} so {@code rate} 1 still delivers. The draws come from a generator
 * the link seeds from the toxic's {@code seed}, so a run replays exactly.
 */
public final class LossToxic implements Toxic {

  /** TCP's initial retransmission timeout (RFC 6298 allows 200 ms as Linux's minimum RTO). */
  public static final long RTO_MS = 200;
  /** Consecutive losses at most; 6 gives 12.6 s, where a real stack is close to giving up. */
  public static final int MAX_RETRANSMISSIONS = 6;

  private final double rate;
  private final SplittableRandom random;

  public LossToxic(double rate, SplittableRandom random) {
    this.rate = rate;
    this.random = random;
  }

  /** The delay after {@code losses} consecutive losses, in milliseconds. */
  public static long delayMs(int losses) {
    return RTO_MS * ((1L << losses) - 1);
  }

  /**
   * The mean added delay per chunk at {@code rate}, in milliseconds: Σ P(n losses)·delay(n) with
   * the cap, ≈ RTO·rate/(1 − 2·rate) below rate 0.5. A real Toxiproxy has no loss toxic; the
   * closest there is {@code latency} = {@code jitter} = this mean (docs/FAULTPROXY.md).
   */
  public static double meanDelayMs(double rate) {
    double mean = 0;
    for (int n = 0; n < MAX_RETRANSMISSIONS; n++) {
      mean += (1 - rate) * Math.pow(rate, n) * delayMs(n);
    }
    return mean + Math.pow(rate, MAX_RETRANSMISSIONS) * delayMs(MAX_RETRANSMISSIONS);
  }

  @Override
  public void accept(Chunk in, Consumer<Chunk> out) {
    if (!in.isData() || rate <= 0) {
      out.accept(in);
      return;
    }
    int losses = 0;
    while (losses < MAX_RETRANSMISSIONS && random.nextDouble() < rate) {
      losses++;
    }
    out.accept(losses == 0 ? in : in.at(in.due() + delayMs(losses) * 1_000_000L));
  }
}
