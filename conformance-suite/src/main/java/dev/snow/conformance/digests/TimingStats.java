package dev.snow.conformance.digests;

import static dev.snow.conformance.digests.Samples.below;
import static dev.snow.conformance.digests.Samples.mean;
import static dev.snow.conformance.digests.Samples.pooled;
import static dev.snow.conformance.digests.Samples.quantile;
import static dev.snow.conformance.digests.Samples.var;


/**
 * Welch's t-test between two timing classes, dudect style: the test is repeated on the samples
 * cropped at several percentiles of the pooled data (timing noise has a long upper tail) and the
 * largest |t| is kept. |t| &gt; 4.5 is dudect's "probably leaks", &gt; 10 "definitely". Used in
 * process only, where timings are nanoseconds of one loop; over loopback see {@link RankTests}.
 */
final class TimingStats {
    static final double[] CROPS = {1.0, 0.9, 0.5};

    private TimingStats() {
    }

    /** The result for one pair of classes. */
    record Welch(double t, double meanA, double meanB, double stdErr, int n, double crop) {
        /** |meanB - meanA| over the smaller mean. */
        double relativeDifference() {
            return Math.abs(meanB - meanA) / Math.max(1e-9, Math.min(meanA, meanB));
        }
    }

    /** The Welch test with the largest |t| over the crops. */
    static Welch test(long[] a, long[] b) {
        Welch best = null;
        for (double p : CROPS) {
            long cut = quantile(pooled(a, b), p);
            Welch w = welch(below(a, cut), below(b, cut), p);
            if (best == null || Math.abs(w.t()) > Math.abs(best.t())) {
                best = w;
            }
        }
        return best;
    }

    static Welch welch(double[] a, double[] b, double crop) {
        double ma = mean(a);
        double mb = mean(b);
        double se = Math.sqrt(var(a, ma) / a.length + var(b, mb) / b.length);
        double t = se == 0 ? (ma == mb ? 0 : Double.POSITIVE_INFINITY) : (ma - mb) / se;
        return new Welch(t, ma, mb, se, Math.min(a.length, b.length), crop);
    }
}
