package org.sessionwatch.bench;

import java.util.Arrays;

/** Order statistics over a set of samples; the benchmarks report medians and worst cases, not means. */
public final class Stats {
    private final double[] sorted;

    public Stats(double[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("No samples to summarise");
        }
        this.sorted = samples.clone();
        Arrays.sort(sorted);
    }

    public static Stats of(java.util.Collection<? extends Number> samples) {
        return new Stats(samples.stream().mapToDouble(Number::doubleValue).toArray());
    }

    public int count() {
        return sorted.length;
    }

    public double median() {
        return percentile(50);
    }

    public double max() {
        return sorted[sorted.length - 1];
    }

    public double min() {
        return sorted[0];
    }

    /** Nearest-rank percentile, so the value is one that was really observed. */
    public double percentile(double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public double sum() {
        double total = 0;
        for (double v : sorted) {
            total += v;
        }
        return total;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "n=%d min=%.2f median=%.2f p95=%.2f max=%.2f",
                count(), min(), median(), percentile(95), max());
    }
}
