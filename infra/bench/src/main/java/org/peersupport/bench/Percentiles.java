package org.peersupport.bench;

import java.util.Arrays;
import java.util.Collection;

/** Latencies in milliseconds summarised by the nearest-rank method: p50, p95, p99 and the max. */
public record Percentiles(int count, double p50, double p95, double p99, double max) {

    public static final Percentiles NONE = new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    public static Percentiles of(Collection<Double> millis) {
        if (millis.isEmpty()) {
            return NONE;
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                sorted[sorted.length - 1]);
    }

    /** The nearest-rank percentile: the smallest value with at least {@code p} percent of the values at or below it. */
    static double rank(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double[] copy = sorted;
        if (!isSorted(sorted)) {
            copy = sorted.clone();
            Arrays.sort(copy);
        }
        int index = (int) Math.ceil(p / 100.0 * copy.length) - 1;
        return copy[Math.max(0, Math.min(copy.length - 1, index))];
    }

    private static boolean isSorted(double[] values) {
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[i - 1]) {
                return false;
            }
        }
        return true;
    }
}
