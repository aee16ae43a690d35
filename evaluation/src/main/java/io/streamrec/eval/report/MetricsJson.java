package io.streamrec.eval.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.streamrec.eval.metrics.RecommenderResult;
import io.streamrec.eval.metrics.ReplayResult;
import io.streamrec.eval.metrics.Slice;
import io.streamrec.eval.metrics.SliceMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes {@code metrics.json}: the figures per recommender and slice, for machines and for comparisons. */
public final class MetricsJson {
    public static final String FILE = "metrics.json";

    private MetricsJson() {}

    public static Path write(ReplayResult result, RunInfo run, Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), toMap(result, run));
        return file;
    }

    static Map<String, Object> toMap(ReplayResult result, RunInfo run) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("dataset", result.dataset());
        root.put("events", result.events());
        root.put("evaluated", result.counts().scored);
        root.put("evaluated_heldout", result.counts().scoredHeldOut);
        Map<String, Object> recommenders = new LinkedHashMap<>();
        Map<String, Object> throughput = new LinkedHashMap<>();
        Map<String, Object> hitRateCurves = new LinkedHashMap<>();
        for (RecommenderResult r : result.recommenders()) {
            Map<String, Object> slices = new LinkedHashMap<>();
            for (Slice slice : Slice.values()) {
                slices.put(slice.key, sliceMap(r.slice(slice)));
            }
            Map<String, Object> pool = new LinkedHashMap<>();
            for (Slice slice : Slice.values()) {
                Map<String, Double> recall = r.poolRecall(slice);
                if (!recall.isEmpty()) {
                    Map<String, Object> rounded = new LinkedHashMap<>();
                    recall.forEach((source, value) -> rounded.put(source, round(value, 5)));
                    pool.put(slice.key, rounded);
                }
            }
            if (!pool.isEmpty()) {
                slices.put("pool_recall", pool);
            }
            recommenders.put(r.name(), slices);
            throughput.put(r.name(), round(r.throughput(result.events()), 1));
            SliceMetrics heldOut = r.slice(Slice.HELD_OUT);
            List<Double> curve = new ArrayList<>();
            for (int k = 1; k <= heldOut.depth(); k++) {
                curve.add(round(heldOut.hitRate(k), 5));
            }
            hitRateCurves.put(r.name(), curve);
        }
        root.put("recommenders", recommenders);
        root.put("throughput_events_per_s", throughput);
        root.put("heldout_hr_at_k", hitRateCurves);
        root.put("probes", result.counts().asMap());
        Map<String, Object> split = new LinkedHashMap<>();
        split.put("warm_up_ends_at", instant(result.split().warmUpEndsAt()));
        split.put("heldout_starts_at", instant(result.split().heldOutStartsAt()));
        root.put("split", split);
        root.put("top_n", result.topN());
        root.put("description", result.description());
        root.put("commit", run.commit());
        root.put("limit", run.limit());
        root.put("finished_at", run.finishedAt().toString());
        root.put("wall_seconds", round(result.wallSeconds(), 1));
        return root;
    }

    private static Map<String, Object> sliceMap(SliceMetrics m) {
        Map<String, Object> s = new LinkedHashMap<>();
        int n = m.topN();
        s.put("hr@" + n, round(m.hitRate(n), 5));
        s.put("ndcg@" + n, round(m.ndcg(), 5));
        s.put("mrr", round(m.mrr(), 5));
        s.put("coverage", round(m.coverage(), 5));
        s.put("probes", m.probes());
        return s;
    }

    private static String instant(long millis) {
        return millis == Long.MAX_VALUE ? null : Instant.ofEpochMilli(millis).toString();
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
