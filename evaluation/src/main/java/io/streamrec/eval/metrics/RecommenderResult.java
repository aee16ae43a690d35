package io.streamrec.eval.metrics;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Everything measured for one recommender in one replay. */
public final class RecommenderResult {
    private final String name;
    private final Map<Slice, SliceMetrics> slices = new EnumMap<>(Slice.class);
    /** NDCG@N of every scored probe in time order, for the over-time plot (times are in {@link ReplayResult}). */
    private float[] ndcgByProbe = new float[1024];
    private int scored;
    private long nanos;
    /** Per slice: probes whose item was in the candidate pool, by source ("any": from some source). */
    private final Map<Slice, Map<String, Long>> poolHits = new EnumMap<>(Slice.class);
    private final Map<Slice, Long> poolProbes = new EnumMap<>(Slice.class);

    public RecommenderResult(String name, int topN, int depth) {
        this.name = name;
        for (Slice slice : Slice.values()) {
            slices.put(slice, new SliceMetrics(topN, depth));
        }
    }

    /** Records one probe in each slice it belongs to. */
    public void record(List<Slice> memberOf, int rank, List<String> servedTopN, int catalogueSize, int topN) {
        for (Slice slice : memberOf) {
            slices.get(slice).record(rank, servedTopN, catalogueSize);
        }
        if (scored == ndcgByProbe.length) {
            ndcgByProbe = java.util.Arrays.copyOf(ndcgByProbe, scored * 2);
        }
        ndcgByProbe[scored++] = (float) RankMetrics.ndcg(rank, topN);
    }

    /** Records where the probe's item was in the recommender's candidate pool ({@code sources} empty: nowhere). */
    public void recordPool(List<Slice> memberOf, Set<String> sources) {
        for (Slice slice : memberOf) {
            poolProbes.merge(slice, 1L, Long::sum);
            Map<String, Long> hits = poolHits.computeIfAbsent(slice, k -> new TreeMap<>());
            if (!sources.isEmpty()) {
                hits.merge(ANY_SOURCE, 1L, Long::sum);
            }
            for (String source : sources) {
                hits.merge(source, 1L, Long::sum);
            }
        }
    }

    /** The key of "from any source" in {@link #poolRecall}. */
    public static final String ANY_SOURCE = "any";

    /**
     * Share of the slice's probes whose item was in the candidate pool, by source and {@link #ANY_SOURCE};
     * empty for a recommender without a pool.
     */
    public Map<String, Double> poolRecall(Slice slice) {
        long probes = poolProbes.getOrDefault(slice, 0L);
        Map<String, Double> recall = new TreeMap<>();
        if (probes == 0) {
            return recall;
        }
        recall.put(ANY_SOURCE, 0.0);
        poolHits.getOrDefault(slice, Map.of()).forEach((source, hits) -> recall.put(source, (double) hits / probes));
        return recall;
    }

    public void addTime(long elapsedNanos) {
        nanos += elapsedNanos;
    }

    public String name() {
        return name;
    }

    public SliceMetrics slice(Slice slice) {
        return slices.get(slice);
    }

    /** NDCG of each scored probe, in the order of {@link ReplayResult#probeTimes()}. */
    public float[] ndcgByProbe() {
        return java.util.Arrays.copyOf(ndcgByProbe, scored);
    }

    /** Events per second of this recommender's own time (catalogue, probes and learning). */
    public double throughput(long events) {
        return nanos == 0 ? 0 : events / (nanos / 1e9);
    }
}
