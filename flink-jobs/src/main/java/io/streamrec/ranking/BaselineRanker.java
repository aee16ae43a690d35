package io.streamrec.ranking;

import io.streamrec.state.ItemInfo;
import io.streamrec.state.ItemStats;
import io.streamrec.state.Neighbours;
import io.streamrec.state.UserHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The baseline: co-occurrence neighbours of the user's recent items (more recent weigh more), blended
 * with decayed popularity. Pure logic over the statistics, so it is testable without Flink. Candidates
 * are item ordinals scored in arrays ({@link CoOccurrenceScores}); ids, the catalogue and reasons are
 * looked at only for the few that are shown.
 */
public final class BaselineRanker {
    /** Weight of the trending score against the normalised co-occurrence score. */
    static final float TRENDING_WEIGHT = 0.3f;
    private static final int TRENDING_CANDIDATES = 100;
    /**
     * Neighbours taken from each recent item, strongest first. Beyond them a neighbour adds at most a
     * small fraction of the strongest's score from that item (docs/performance.md: what this changed).
     */
    static final int NEIGHBOURS_PER_SOURCE = 50;

    private final ItemStats stats;
    private final int window;
    private final CoOccurrenceScores co = new CoOccurrenceScores();
    private int[] candidates = new int[256];
    private float[] scores = new float[256];
    private float[] trend = new float[256];
    private long[] keys = new long[256];

    public BaselineRanker(ItemStats stats, int window) {
        this.stats = stats;
        this.window = window;
    }

    /**
     * Top {@code n} items for a user with {@code history}, never one of {@code excluded} nor one the
     * filter refuses, best first (by score, then id).
     */
    public List<ScoredItem> rank(UserHistory history, int n, Set<String> excluded, RecommendationFilter filter,
            Function<String, ItemInfo> catalogue) {
        co.compute(stats, history.recentDistinctItems(window), NEIGHBOURS_PER_SOURCE);
        List<String> trending = stats.trending(TRENDING_CANDIDATES);
        int count = 0;
        ensure(co.size() + trending.size());
        for (int i = 0; i < co.size(); i++) {
            candidates[count] = co.ordinalAt(i);
            scores[count] = co.score(candidates[count]);
            trend[count] = 0f;
            count++;
        }
        for (int i = 0; i < trending.size(); i++) {
            int ordinal = stats.trendingOrdinal(i);
            float t = (float) (TRENDING_WEIGHT * stats.trendingShare(i));
            int existing = co.indexOf(ordinal); // the co-occurrence candidates are first, in that order
            if (existing >= 0) {
                trend[existing] = t;
                scores[existing] = co.score(ordinal) + t;
            } else {
                candidates[count] = ordinal;
                scores[count] = t;
                trend[count] = t;
                count++;
            }
        }
        // Only the best few can be shown: order just those, and everything only when the exclusions and
        // the filter reject so many that the few run out.
        int few = n + excluded.size() + 16;
        List<ScoredItem> ranked = accept(best(count, few), n, excluded, filter, catalogue);
        if (ranked.size() < n && count > few) {
            ranked = accept(best(count, count), n, excluded, filter, catalogue);
        }
        return ranked;
    }

    private void ensure(int size) {
        if (candidates.length < size) {
            candidates = Arrays.copyOf(candidates, size * 2);
            scores = Arrays.copyOf(scores, size * 2);
            trend = Arrays.copyOf(trend, size * 2);
        }
    }

    /** Indexes of the {@code k} best candidates, best first: by score descending, then item id. */
    private int[] best(int count, int k) {
        // A threshold from a selection pass: the k-th best score bounds what can make the cut.
        float threshold = k < count ? kthLargest(Arrays.copyOf(scores, count), k) : Float.NEGATIVE_INFINITY;
        if (keys.length < count) {
            keys = new long[Math.max(count, keys.length * 2)];
        }
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (scores[i] >= threshold) {
                // Score descending in the high half (a primitive sort, no boxing), index in the low half.
                keys[kept++] = ((long) ~sortable(scores[i]) << 32) | i;
            }
        }
        Arrays.sort(keys, 0, kept);
        int[] order = new int[kept];
        for (int i = 0; i < kept; i++) {
            order[i] = (int) keys[i];
        }
        // Equal scores by item id, as the order is documented. Only the first k places matter: a run of
        // ties inside them is sorted; the run that crosses the cut (often long: every candidate with the
        // threshold score) only has its smallest ids selected.
        int shown = Math.min(k, kept);
        for (int from = 0; from < shown; ) {
            int to = from + 1;
            while (to < kept && scores[order[to]] == scores[order[from]]) {
                to++;
            }
            if (to - from > 1) {
                smallestIds(order, from, to, Math.min(to, shown) - from);
            }
            from = to;
        }
        return kept > k ? Arrays.copyOf(order, k) : order;
    }

    /**
     * Puts the {@code need} candidates of {@code order[from, to)} with the smallest item ids, ascending, at
     * {@code order[from, from + need)}: an insertion into a sorted prefix, O(run × need) at worst, with need
     * at most the few shown.
     */
    private void smallestIds(int[] order, int from, int to, int need) {
        if (need > 64) { // only when every candidate is wanted (the filter refused many): sort the run
            Integer[] run = new Integer[to - from];
            for (int i = from; i < to; i++) {
                run[i - from] = order[i];
            }
            Arrays.sort(run, (a, b) -> stats.id(candidates[a]).compareTo(stats.id(candidates[b])));
            for (int i = 0; i < need; i++) {
                order[from + i] = run[i];
            }
            return;
        }
        int[] best = new int[need];
        int size = 0;
        for (int i = from; i < to; i++) {
            String id = stats.id(candidates[order[i]]);
            if (size == need && id.compareTo(stats.id(candidates[best[size - 1]])) >= 0) {
                continue;
            }
            int at = size == need ? size - 1 : size++;
            while (at > 0 && id.compareTo(stats.id(candidates[best[at - 1]])) < 0) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = order[i];
        }
        System.arraycopy(best, 0, order, from, need);
    }

    /** An int that orders as the float does (negative floats included). */
    private static int sortable(float f) {
        int bits = Float.floatToIntBits(f);
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }

    /** The {@code k}-th largest value of {@code a} (1 = the largest), by quickselect; reorders {@code a}. */
    static float kthLargest(float[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        int target = a.length - k; // its index in ascending order
        while (lo < hi) {
            float pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    float t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            }
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                return a[target];
            }
        }
        return a[target];
    }

    private List<ScoredItem> accept(int[] ordered, int n, Set<String> excluded, RecommendationFilter filter,
            Function<String, ItemInfo> catalogue) {
        List<ScoredItem> ranked = new ArrayList<>(Math.min(n, ordered.length));
        for (int i = 0; i < ordered.length && ranked.size() < n; i++) {
            int c = ordered[i];
            String id = stats.id(candidates[c]);
            if (excluded.contains(id)) {
                continue;
            }
            ItemInfo info = catalogue.apply(id);
            if (!filter.allows(id, info)) {
                continue;
            }
            ranked.add(new ScoredItem(id, scores[c], reason(c, info, catalogue), info));
        }
        return ranked;
    }

    private String reason(int c, ItemInfo info, Function<String, ItemInfo> catalogue) {
        float coScore = co.score(candidates[c]);
        int source = co.bestSource(candidates[c]);
        if (coScore >= trend[c] && source >= 0) {
            String sourceId = stats.id(source);
            ItemInfo s = catalogue.apply(sourceId);
            return "often chosen with " + (s == null ? sourceId : s.title);
        }
        return info == null || info.category == null ? "popular now" : "popular now in " + info.category;
    }
}
