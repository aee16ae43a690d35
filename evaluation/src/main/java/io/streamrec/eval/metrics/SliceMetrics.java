package io.streamrec.eval.metrics;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Running totals of one recommender on one slice of the probes: HR@K for every K up to the list depth,
 * NDCG and MRR over the served top-N, and the distinct items served (for catalogue coverage).
 */
public final class SliceMetrics {
    private final int topN;
    private final int depth;
    /** hitsAtRank[r] = probes whose item came at rank r (1-based); index 0 unused. */
    private final long[] hitsAtRank;
    private final Set<String> served = new HashSet<>();
    private long probes;
    private double ndcgSum;
    private double reciprocalRankSum;
    private int catalogueSize;

    public SliceMetrics(int topN, int depth) {
        if (topN < 1 || depth < topN) {
            throw new IllegalArgumentException("need 1 <= top-N <= depth, got top-N " + topN + ", depth " + depth);
        }
        this.topN = topN;
        this.depth = depth;
        this.hitsAtRank = new long[depth + 1];
    }

    /**
     * One probe: the target's rank in the filtered list (0 when absent), the top-N that was served and the
     * catalogue size at the time.
     */
    public void record(int rank, List<String> servedTopN, int currentCatalogueSize) {
        probes++;
        if (rank >= 1 && rank <= depth) {
            hitsAtRank[rank]++;
        }
        ndcgSum += RankMetrics.ndcg(rank, topN);
        reciprocalRankSum += RankMetrics.reciprocalRank(rank, topN);
        served.addAll(servedTopN);
        catalogueSize = Math.max(catalogueSize, currentCatalogueSize);
    }

    public long probes() {
        return probes;
    }

    public int topN() {
        return topN;
    }

    public int depth() {
        return depth;
    }

    /** Share of probes whose item was in the first {@code k} (k up to the depth). */
    public double hitRate(int k) {
        if (k < 1 || k > depth) {
            throw new IllegalArgumentException("HR@" + k + " needs 1 <= K <= " + depth);
        }
        if (probes == 0) {
            return 0;
        }
        long hits = 0;
        for (int r = 1; r <= k; r++) {
            hits += hitsAtRank[r];
        }
        return (double) hits / probes;
    }

    public double ndcg() {
        return probes == 0 ? 0 : ndcgSum / probes;
    }

    public double mrr() {
        return probes == 0 ? 0 : reciprocalRankSum / probes;
    }

    /** Distinct items served in the top-N over the catalogue size. */
    public double coverage() {
        return catalogueSize == 0 ? 0 : (double) served.size() / catalogueSize;
    }
}
