package io.streamrec.eval.metrics;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Everything measured for one recommender in one replay. */
public final class RecommenderResult {
    private final String name;
    private final Map<Slice, SliceMetrics> slices = new EnumMap<>(Slice.class);
    /** NDCG@N of every scored probe in time order, for the over-time plot (times are in {@link ReplayResult}). */
    private float[] ndcgByProbe = new float[1024];
    private int scored;
    private long nanos;

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
