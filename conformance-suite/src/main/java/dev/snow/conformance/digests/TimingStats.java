package dev.snow.conformance.digests;

import java.util.Arrays;

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
            long cut = percentile(a, b, p);
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

    private static long percentile(long[] a, long[] b, double p) {
        long[] all = new long[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        Arrays.sort(all);
        return all[(int) Math.min(all.length - 1, Math.floor(p * (all.length - 1)))];
    }

    private static double[] below(long[] x, long cut) {
        return Arrays.stream(x).filter(v -> v <= cut).asDoubleStream().toArray();
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return x.length == 0 ? 0 : s / x.length;
    }

    private static double var(double[] x, double m) {
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return x.length < 2 ? 0 : s / (x.length - 1);
    }
}
