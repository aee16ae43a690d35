package io.streamrec.bench.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Latency samples in milliseconds and their distribution. Percentiles are nearest-rank: the p-th
 * percentile of n sorted samples is the sample at rank ceil(p/100 * n) (1-based), so it is always an
 * observed value and p100 is the maximum.
 */
public final class LatencyStats {
    private long[] samples = new long[1024];
    /** When each sample's event happened (epoch ms), for {@link #timeline}; 0 when not given. */
    private long[] at = new long[1024];
    private int size;

    /** Forgets every sample (a new phase). */
    public synchronized void clear() {
        size = 0;
    }

    public synchronized void add(long millis) {
        add(0, millis);
    }

    /** A latency of {@code millis} for an event that happened at {@code eventTimeMillis}. */
    public synchronized void add(long eventTimeMillis, long millis) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
            at = Arrays.copyOf(at, size * 2);
        }
        at[size] = eventTimeMillis;
        samples[size++] = millis;
    }

    /**
     * p50, p99 and count per {@code windowMillis} of event time from {@code fromMillis}: tells a queue that
     * grows through the phase (the rate is above what the job sustains) from periodic stalls (checkpoints,
     * collections) from a slow start.
     */
    public synchronized List<Map<String, Object>> timeline(long fromMillis, long windowMillis) {
        if (windowMillis <= 0) {
            throw new IllegalArgumentException("window must be positive, got " + windowMillis);
        }
        Map<Long, List<Long>> byWindow = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            if (at[i] >= fromMillis) {
                byWindow.computeIfAbsent((at[i] - fromMillis) / windowMillis, w -> new ArrayList<>()).add(samples[i]);
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (var e : byWindow.entrySet()) {
            long[] sorted = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("from_s", e.getKey() * windowMillis / 1000.0);
            w.put("p50", percentile(sorted, 50));
            w.put("p99", percentile(sorted, 99));
            w.put("count", sorted.length);
            out.add(w);
        }
        return out;
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
