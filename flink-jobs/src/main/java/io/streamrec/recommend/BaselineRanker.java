package io.streamrec.recommend;

import io.streamrec.user.UserHistory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The baseline: co-occurrence neighbours of the user's recent items (more recent weigh more), blended
 * with decayed popularity. Pure logic over the statistics, so it is testable without Flink.
 */
public final class BaselineRanker {
    /** Weight of the trending score against the normalised co-occurrence score. */
    static final float TRENDING_WEIGHT = 0.3f;
    private static final int TRENDING_CANDIDATES = 100;
    /**
     * Neighbours taken from each recent item, strongest first. Beyond them a neighbour adds at most a
     * small fraction of the strongest's score from that item (see docs/performance.md for what this changed).
     */
    static final int NEIGHBOURS_PER_SOURCE = 50;

    private final ItemStats stats;
    private final int window;

    public BaselineRanker(ItemStats stats, int window) {
        this.stats = stats;
        this.window = window;
    }

    /**
     * Top {@code n} items for a user with {@code history}, never one of {@code excluded} nor one the
     * filter refuses, best first.
     */
    public List<ScoredItem> rank(UserHistory history, int n, Set<String> excluded, RecommendationFilter filter,
            Function<String, ItemInfo> catalogue) {
        Map<String, Candidate> candidates = new HashMap<>();
        List<String> recent = history.recentDistinctItems(window);
        for (int i = 0; i < recent.size(); i++) {
            String source = recent.get(i);
            Neighbours neighbours = stats.neighbours(source); // strongest first
            float max = neighbours.max();
            if (max == 0) {
                continue;
            }
            float recency = 1f / (1 + i);
            for (int j = 0; j < neighbours.size() && j < NEIGHBOURS_PER_SOURCE; j++) {
                float s = recency * neighbours.countAt(j) / max;
                Candidate c = candidates.computeIfAbsent(neighbours.idAt(j), Candidate::new);
                c.coScore += s;
                if (s > c.bestSourceScore) {
                    c.bestSourceScore = s;
                    c.bestSource = source;
                }
            }
        }
        List<String> trending = stats.trending(TRENDING_CANDIDATES);
        double top = trending.isEmpty() ? 0 : stats.popularity(trending.get(0));
        for (String item : trending) {
            Candidate c = candidates.computeIfAbsent(item, Candidate::new);
            c.trendScore = top == 0 ? 0 : (float) (TRENDING_WEIGHT * stats.popularity(item) / top);
        }
        Candidate[] all = candidates.values().toArray(new Candidate[0]);
        for (Candidate c : all) {
            c.score = c.coScore + c.trendScore;
        }
        // Only the best few can be shown: select those (a heap), and sort everything only when the
        // exclusions and the filter reject so many that the few run out. Catalogue lookups, the filter
        // and reasons are done for the accepted ones only.
        int few = n + excluded.size() + 16;
        List<ScoredItem> ranked = accept(best(all, few), n, excluded, filter, catalogue);
        if (ranked.size() < n && all.length > few) {
            ranked = accept(best(all, all.length), n, excluded, filter, catalogue);
        }
        return ranked;
    }

    private static final java.util.Comparator<Candidate> BEST_FIRST = (a, b) -> {
        int byScore = Float.compare(b.score, a.score);
        return byScore != 0 ? byScore : a.itemId.compareTo(b.itemId);
    };

    /** The {@code k} best candidates, best first. */
    private static Candidate[] best(Candidate[] all, int k) {
        if (k >= all.length) {
            Candidate[] sorted = all.clone();
            java.util.Arrays.sort(sorted, BEST_FIRST);
            return sorted;
        }
        java.util.PriorityQueue<Candidate> worstFirst = new java.util.PriorityQueue<>(k + 1, BEST_FIRST.reversed());
        for (Candidate c : all) {
            if (worstFirst.size() < k) {
                worstFirst.add(c);
            } else if (BEST_FIRST.compare(c, worstFirst.peek()) < 0) {
                worstFirst.poll();
                worstFirst.add(c);
            }
        }
        Candidate[] out = new Candidate[worstFirst.size()];
        for (int i = out.length - 1; i >= 0; i--) {
            out[i] = worstFirst.poll();
        }
        return out;
    }

    private List<ScoredItem> accept(Candidate[] ordered, int n, Set<String> excluded, RecommendationFilter filter,
            Function<String, ItemInfo> catalogue) {
        List<ScoredItem> ranked = new ArrayList<>(Math.min(n, ordered.length));
        for (int i = 0; i < ordered.length && ranked.size() < n; i++) {
            Candidate c = ordered[i];
            if (excluded.contains(c.itemId)) {
                continue;
            }
            ItemInfo info = catalogue.apply(c.itemId);
            if (!filter.allows(c.itemId, info)) {
                continue;
            }
            ranked.add(new ScoredItem(c.itemId, c.score, reason(c, info, catalogue)));
        }
        return ranked;
    }

    private static String reason(Candidate c, ItemInfo info, Function<String, ItemInfo> catalogue) {
        if (c.coScore >= c.trendScore && c.bestSource != null) {
            ItemInfo source = catalogue.apply(c.bestSource);
            return "often chosen with " + (source == null ? c.bestSource : source.title);
        }
        return info == null || info.category == null ? "popular now" : "popular now in " + info.category;
    }

    private static final class Candidate {
        final String itemId;
        float coScore;
        float trendScore;
        float score;
        String bestSource;
        float bestSourceScore;

        Candidate(String itemId) {
            this.itemId = itemId;
        }
    }
}
