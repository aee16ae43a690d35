package io.streamrec.bench.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Latency at further fixed rates, each a fraction of the job's measured saturation: how the tail grows with
 * the load, and so at which rate a latency target holds on this machine. Each point is one {@link #measure}
 * phase, the same the benchmark's main latency phase runs at half of saturation.
 */
final class LatencySweep {
    private LatencySweep() {}

    static List<Map<String, Object>> run(String job, double saturation, BenchSettings settings, EventFeed feed,
            RecommendationTail tail, Progress progress) throws InterruptedException {
        List<Map<String, Object>> points = new ArrayList<>();
        for (double fraction : settings.latencySweep) {
            double rate = Math.max(1, Math.round(saturation * fraction));
            progress.line(String.format(Locale.ROOT, "%s: latency sweep at %.0f %% of saturation, %,.0f events/s",
                    job, fraction * 100, rate));
            Phase phase = measure(rate, settings, feed, tail, progress, job + " latency sweep");
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("fraction", fraction);
            point.put("rate", rate);
            point.putAll(tail.written.summary());
            point.put("complete", phase.complete());
            points.add(point);
            progress.line(String.format(Locale.ROOT, "%s: at %,.0f events/s latency p50 %s ms, p95 %s, p99 %s, max %s",
                    job, rate, point.get("p50"), point.get("p95"), point.get("p99"), point.get("max")));
        }
        return points;
    }

    /** One measured phase: when measuring began, the events sent in it, whether all were answered. */
    record Phase(long start, long sent, boolean complete) {}

    /**
     * Sends at {@code rate} for the settle time unmeasured (the aftermath of what ran before), then for the
     * latency phase's length measured, and waits for every recommendation; the tail holds only this
     * phase's samples afterwards.
     */
    static Phase measure(double rate, BenchSettings settings, EventFeed feed, RecommendationTail tail,
            Progress progress, String what) throws InterruptedException {
        long expected = tail.count() + feed.sendAtRate(rate, seconds(settings.latencySettleSeconds));
        long start = System.currentTimeMillis();
        tail.restartLatencyFrom(start);
        long sent = feed.sendAtRate(rate, seconds(settings.latencySeconds));
        boolean complete = tail.awaitCount(expected + sent, Duration.ofSeconds(30), progress, what);
        return new Phase(start, sent, complete);
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis((long) (s * 1000));
    }
}
