package dev.snow.bench;

import java.util.Arrays;

/** Order statistics of a set of durations (nanoseconds), shown in milliseconds. */
record Percentiles(long count, double p50, double p90, double p99, double max) {

    static Percentiles of(long[] nanos) {
        if (nanos.length == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] v = nanos.clone();
        Arrays.sort(v);
        return new Percentiles(v.length, ms(at(v, 0.50)), ms(at(v, 0.90)), ms(at(v, 0.99)), ms(v[v.length - 1]));
    }

    private static long at(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    @Override
    public String toString() {
        return String.format("n=%d p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms", count, p50, p90, p99, max);
    }
}
