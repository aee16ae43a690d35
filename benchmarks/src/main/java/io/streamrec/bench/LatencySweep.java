package io.streamrec.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Latency at further fixed rates, each a fraction of the job's measured saturation: how the tail grows with
 * the load, and so at which rate a latency target holds on this machine. Each point sends at its rate to
 * settle first (unmeasured), then measures for the latency phase's length, as the main phase does.
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
            long expected = tail.count() + feed.sendAtRate(rate, seconds(settings.latencySettleSeconds));
            tail.restartLatencyFrom(System.currentTimeMillis());
            expected += feed.sendAtRate(rate, seconds(settings.latencySeconds));
            boolean complete = tail.awaitCount(expected, Duration.ofSeconds(30), progress, job + " latency sweep");
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("fraction", fraction);
            point.put("rate", rate);
            point.putAll(tail.written.summary());
            point.put("complete", complete);
            points.add(point);
            progress.line(String.format(Locale.ROOT, "%s: at %,.0f events/s latency p50 %s ms, p95 %s, p99 %s, max %s",
                    job, rate, point.get("p50"), point.get("p95"), point.get("p99"), point.get("max")));
        }
        return points;
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis((long) (s * 1000));
    }
}
