package io.streamrec.eval.metrics;

import java.util.List;

/** Metrics of one probe with a single relevant item, from its 1-based rank (0: not in the list). */
public final class RankMetrics {
    private RankMetrics() {}

    /** 1-based position of {@code target} in {@code ranked}, 0 when absent. */
    public static int rankOf(List<String> ranked, String target) {
        int at = ranked.indexOf(target);
        return at < 0 ? 0 : at + 1;
    }

    /** 1 when the item is among the first {@code k}, else 0. */
    public static double hit(int rank, int k) {
        return rank >= 1 && rank <= k ? 1 : 0;
    }

    /** With one relevant item the ideal DCG is 1, so NDCG@k is 1/log2(rank + 1) within the first k, else 0. */
    public static double ndcg(int rank, int k) {
        return rank >= 1 && rank <= k ? 1 / (Math.log(rank + 1) / Math.log(2)) : 0;
    }

    /** 1/rank within the served list of {@code k}, 0 when the item is not in it. */
    public static double reciprocalRank(int rank, int k) {
        return rank >= 1 && rank <= k ? 1.0 / rank : 0;
    }
}
