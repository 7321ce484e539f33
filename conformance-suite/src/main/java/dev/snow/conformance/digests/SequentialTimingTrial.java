package dev.snow.conformance.digests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * The loopback half of AUTH-4 as a sequential experiment. Each round takes one sample of each
 * {@link Kind}, in random order: the IUT refusing a digest wrong in its first byte, in its last
 * byte, and the positive control (a first-byte digest that the tester itself holds back for a
 * known delay before writing it, so the control crosses the same IUT, the same loopback and the
 * same load as the real classes, and differs only by a delay as large as the leak to be caught).
 * After {@link Budget#minRounds} and then every {@link Budget#lookEvery} rounds it looks:
 * <ol>
 *   <li>last-byte vs first-byte reaches |z| &ge; {@link RankTests#Z_CRITICAL} in any test of
 *       the family: {@link Decision#LEAK};</li>
 *   <li>the control vs first-byte reaches z &ge; {@link #Z_CONFIDENT} (a leak as large as the
 *       control would then have crossed the threshold with probability about 99%):
 *       {@link Decision#NO_LEAK};</li>
 *   <li>otherwise it samples on until the {@link Budget} of time or rounds runs out, and then
 *       judges once more: a leak, or no leak if the control was at least detected (z &ge;
 *       {@link RankTests#Z_CRITICAL}, with the lower power stated), else
 *       {@link Decision#INCONCLUSIVE}.</li>
 * </ol>
 * Looking repeatedly multiplies the false-alarm chance by the number of looks, which the 1e-5
 * family-wise threshold absorbs (at most a few dozen looks per run).
 */
final class SequentialTimingTrial {
    /** Control z at which a leak as large as the control is caught with probability about 99%. */
    static final double Z_CONFIDENT = RankTests.Z_CRITICAL + 2.33;

    enum Kind { FIRST_BYTE, LAST_BYTE, CONTROL }

    enum Decision { LEAK, NO_LEAK, INCONCLUSIVE }

    /** Takes one sample: the time, in nanoseconds, from writing the REPLY to seeing the close. */
    interface Probe {
        long sample(Kind kind, long controlDelayNanos);
    }

    /**
     * What the trial may spend.
     *
     * @param timeNanos    wall time for sampling, warm-up included
     * @param maxRounds    rounds (three samples each) at most, warm-up excluded
     * @param warmupRounds rounds sampled first and thrown away (JIT, caches, connection pools)
     * @param minRounds    rounds before the first look (normal approximations need some)
     * @param lookEvery    rounds between looks
     */
    record Budget(long timeNanos, int maxRounds, int warmupRounds, int minRounds, int lookEvery) {
        String describe() {
            return String.format(Locale.ROOT, "%.0f s or %d rounds", timeNanos / 1e9, maxRounds);
        }
    }

    /**
     * The result.
     *
     * @param iut     last-byte vs first-byte, the test of the family with the largest |z|
     * @param control control vs first-byte, the test with the largest z (the control is slower by design)
     */
    record Outcome(Decision decision, RankTests.Comparison iut, RankTests.Comparison control, int rounds, long elapsedNanos,
                   long controlDelayNanos, boolean budgetSpent) {
        /** Estimated chance that a leak as large as the control would be flagged at this sample size. */
        double powerAtControl() {
            return normalCdf(control.z() - RankTests.Z_CRITICAL);
        }

        /** Estimated leak that would be flagged about half of the time (z grows about linearly with the shift). */
        double leakSeenHalfTheTimeNanos() {
            return control.z() <= 0 ? Double.POSITIVE_INFINITY : controlDelayNanos * RankTests.Z_CRITICAL / control.z();
        }

        String describe() {
            return String.format(Locale.ROOT, "%d rounds in %.1f s%s; IUT last-byte vs first-byte: %s; positive control (first-byte held"
                            + " back %d us by the tester) vs first-byte: %s, so a %d us leak would be flagged with probability about %.0f%%"
                            + " and one of about %.0f us half of the time (threshold |z| >= %.1f over %d tests)",
                    rounds, elapsedNanos / 1e9, budgetSpent ? " (budget spent)" : "", iut.describe(), controlDelayNanos / 1000,
                    control.describe(), controlDelayNanos / 1000, 100 * powerAtControl(), leakSeenHalfTheTimeNanos() / 1000,
                    RankTests.Z_CRITICAL, RankTests.FAMILY);
        }
    }

    private SequentialTimingTrial() {
    }

    static Outcome run(Probe probe, Budget budget, long controlDelayNanos, Random rnd, LongSupplier clock) {
        long start = clock.getAsLong();
        List<Kind> order = new ArrayList<>(Arrays.asList(Kind.values()));
        for (int w = 0; w < budget.warmupRounds(); w++) {
            Collections.shuffle(order, rnd);
            for (Kind k : order) {
                probe.sample(k, k == Kind.CONTROL ? controlDelayNanos : 0);
            }
        }
        long[][] s = new long[3][budget.maxRounds()];
        int rounds = 0;
        while (true) {
            Collections.shuffle(order, rnd);
            for (Kind k : order) {
                s[k.ordinal()][rounds] = probe.sample(k, k == Kind.CONTROL ? controlDelayNanos : 0);
            }
            rounds++;
            long elapsed = clock.getAsLong() - start;
            boolean spent = rounds >= budget.maxRounds() || elapsed >= budget.timeNanos();
            boolean look = spent || (rounds >= budget.minRounds() && (rounds - budget.minRounds()) % budget.lookEvery() == 0);
            if (!look) {
                continue;
            }
            long[] first = Arrays.copyOf(s[0], rounds);
            RankTests.Comparison iut = RankTests.strongest(first, Arrays.copyOf(s[1], rounds));
            RankTests.Comparison ctl = RankTests.strongestSlower(first, Arrays.copyOf(s[2], rounds));
            Decision d = null;
            if (Math.abs(iut.z()) >= RankTests.Z_CRITICAL) {
                d = Decision.LEAK;
            } else if (ctl.z() >= Z_CONFIDENT) {
                d = Decision.NO_LEAK;
            } else if (spent) {
                d = ctl.z() >= RankTests.Z_CRITICAL ? Decision.NO_LEAK : Decision.INCONCLUSIVE;
            }
            if (d != null) {
                return new Outcome(d, iut, ctl, rounds, elapsed, controlDelayNanos, spent);
            }
        }
    }

    /** Standard normal CDF (Abramowitz-Stegun 7.1.26 through erf; error below 1e-6). */
    static double normalCdf(double x) {
        double z = Math.abs(x) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * z);
        double erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
        return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
