package io.streamrec.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Latency samples in milliseconds and their distribution. Percentiles are nearest-rank: the p-th
 * percentile of n sorted samples is the sample at rank ceil(p/100 * n) (1-based), so it is always an
 * observed value and p100 is the maximum.
 */
public final class LatencyStats {
    private long[] samples = new long[1024];
    private int size;

    public synchronized void add(long millis) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = millis;
    }

    public synchronized int count() {
        return size;
    }

    /** The nearest-rank percentile ({@code 0 < p <= 100}) of {@code sorted}; -1 when there is no sample. */
    public static long percentile(long[] sorted, double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(1, rank) - 1];
    }

    /** p50, p95, p99, max, count and mean, as written to bench.json (-1 for no samples). */
    public synchronized Map<String, Object> summary() {
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("p50", percentile(sorted, 50));
        out.put("p95", percentile(sorted, 95));
        out.put("p99", percentile(sorted, 99));
        out.put("max", sorted.length == 0 ? -1 : sorted[sorted.length - 1]);
        out.put("count", sorted.length);
        double sum = 0;
        for (long s : sorted) {
            sum += s;
        }
        out.put("mean", sorted.length == 0 ? -1.0 : Math.round(sum / sorted.length * 10) / 10.0);
        return out;
    }
}
