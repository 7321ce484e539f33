package dev.snow.conformance.digests;

import static dev.snow.conformance.digests.Samples.below;
import static dev.snow.conformance.digests.Samples.mean;
import static dev.snow.conformance.digests.Samples.pooled;
import static dev.snow.conformance.digests.Samples.quantile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Distribution-free comparisons of two timing classes that hold up on a loaded machine, where
 * timings have a long, bursty upper tail that wrecks a t-test:
 * <ul>
 *   <li>a Mann-Whitney rank-sum test on the samples cropped, dudect style, at several
 *       percentiles of the pooled data ({@link #CROPS}: the lower part of the distribution is
 *       where scheduling noise is least);</li>
 *   <li>quantile tests ({@link #QUANTILES}): is the share of each class below the pooled
 *       q-quantile the same (a two-proportion z-test, Mood's median test generalised)?</li>
 * </ul>
 * Every test gives a z score, positive when class B is the slower. The family has
 * {@link #FAMILY} tests, so one that crosses {@link #Z_CRITICAL} (two-sided p ≈ 1e-6, about
 * 1e-5 for the family after Bonferroni) is a detection.
 */
final class RankTests {
    static final double[] CROPS = {1.0, 0.9, 0.75, 0.5, 0.25, 0.1};
    static final double[] QUANTILES = {0.05, 0.1, 0.25, 0.5};
    static final int FAMILY = CROPS.length + QUANTILES.length;
    /**
     * Bonferroni over {@link #FAMILY} tests at a family-wise error of about 1e-5 per look. On a
     * loaded machine the information sits low in the distribution (the samples no other process
     * disturbed), hence the low crops and quantiles.
     */
    static final double Z_CRITICAL = 4.9;

    private RankTests() {
    }

    /**
     * One test of the family and the location estimates it rests on (the cropped means for a
     * rank test, the two classes' own q-quantiles for a quantile test), in nanoseconds.
     */
    record Comparison(String test, double z, double locationA, double locationB, int nA, int nB) {
        /** locationB - locationA: the estimated leak, positive when B is slower. */
        double shift() {
            return locationB - locationA;
        }

        String describe() {
            return String.format(Locale.ROOT, "z = %+.1f by %s (%.0f us vs %.0f us, %+.0f us; %d vs %d samples)", z, test,
                    locationA / 1000, locationB / 1000, shift() / 1000, nA, nB);
        }
    }

    /** Every test of the family. */
    static List<Comparison> all(long[] a, long[] b) {
        List<Comparison> out = new ArrayList<>(FAMILY);
        long[] pooled = pooled(a, b);
        for (double p : CROPS) {
            long cut = quantile(pooled, p);
            double[] ca = below(a, cut);
            double[] cb = below(b, cut);
            out.add(new Comparison(String.format(Locale.ROOT, "rank-sum, crop %.0f%%", p * 100), rankSumZ(ca, cb), mean(ca), mean(cb),
                    ca.length, cb.length));
        }
        long[] sa = a.clone();
        long[] sb = b.clone();
        Arrays.sort(sa);
        Arrays.sort(sb);
        for (double q : QUANTILES) {
            long cut = quantile(pooled, q);
            out.add(new Comparison(String.format(Locale.ROOT, "quantile test, q%.0f", q * 100), quantileZ(a, b, cut), quantile(sa, q),
                    quantile(sb, q), a.length, b.length));
        }
        return out;
    }

    /** The test with the largest |z| (two-sided question: does B differ from A?). */
    static Comparison strongest(long[] a, long[] b) {
        Comparison best = null;
        for (Comparison c : all(a, b)) {
            if (best == null || Math.abs(c.z()) > Math.abs(best.z())) {
                best = c;
            }
        }
        return best;
    }

    /** The test with the largest z (one-sided question: is B slower than A?). */
    static Comparison strongestSlower(long[] a, long[] b) {
        Comparison best = null;
        for (Comparison c : all(a, b)) {
            if (best == null || c.z() > best.z()) {
                best = c;
            }
        }
        return best;
    }

    /** Mann-Whitney U as a z score (normal approximation, tie-corrected); positive when b ranks higher. */
    static double rankSumZ(double[] a, double[] b) {
        int na = a.length;
        int nb = b.length;
        if (na == 0 || nb == 0) {
            return 0;
        }
        int n = na + nb;
        double[] v = new double[n];
        boolean[] isB = new boolean[n];
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            v[i] = i < na ? a[i] : b[i - na];
            isB[i] = i >= na;
            idx[i] = i;
        }
        Arrays.sort(idx, (x, y) -> Double.compare(v[x], v[y]));
        double rankSumB = 0;
        double ties = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && v[idx[j + 1]] == v[idx[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (isB[idx[k]]) {
                    rankSumB += rank;
                }
            }
            double t = j - i + 1;
            ties += t * t * t - t;
            i = j + 1;
        }
        double u = rankSumB - nb * (nb + 1) / 2.0;
        double mu = na * (double) nb / 2;
        double var = na * (double) nb / 12 * ((n + 1) - ties / ((double) n * (n - 1)));
        return var <= 0 ? 0 : (u - mu) / Math.sqrt(var);
    }

    /** Two-proportion z: the share of a at or below {@code cut} minus b's; positive when b is slower. */
    static double quantileZ(long[] a, long[] b, long cut) {
        double pa = share(a, cut);
        double pb = share(b, cut);
        double p = (pa * a.length + pb * b.length) / (a.length + b.length);
        double se = Math.sqrt(p * (1 - p) * (1.0 / a.length + 1.0 / b.length));
        return se == 0 ? 0 : (pa - pb) / se;
    }

    private static double share(long[] x, long cut) {
        int k = 0;
        for (long v : x) {
            if (v <= cut) {
                k++;
            }
        }
        return (double) k / x.length;
    }
}
