package dev.snow.conformance.digests;

import java.util.Arrays;

/** Small statistics over timing samples, shared by the Welch crops and the rank tests. */
final class Samples {
    private Samples() {
    }

    /** Both samples together, sorted. */
    static long[] pooled(long[] a, long[] b) {
        long[] all = new long[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        Arrays.sort(all);
        return all;
    }

    /** The q-quantile of sorted data (nearest rank below). */
    static long quantile(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))];
    }

    /** The values at or below {@code cut} (a crop). */
    static double[] below(long[] x, long cut) {
        return Arrays.stream(x).filter(v -> v <= cut).asDoubleStream().toArray();
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return x.length == 0 ? 0 : s / x.length;
    }

    /** The sample variance around {@code m} (n - 1 in the denominator). */
    static double var(double[] x, double m) {
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return x.length < 2 ? 0 : s / (x.length - 1);
    }
}
