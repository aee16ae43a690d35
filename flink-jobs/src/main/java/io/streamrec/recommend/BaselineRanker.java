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
            Map<String, float[]> neighbours = stats.neighbours(source);
            float max = 0;
            for (float[] c : neighbours.values()) {
                max = Math.max(max, c[0]);
            }
            if (max == 0) {
                continue;
            }
            float recency = 1f / (1 + i);
            for (Map.Entry<String, float[]> e : neighbours.entrySet()) {
                float s = recency * e.getValue()[0] / max;
                Candidate c = candidates.computeIfAbsent(e.getKey(), Candidate::new);
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
        // Order all candidates first (cheap: floats and ids), then look up, filter and explain only until n
        // are accepted: the same result as filtering everything first, without a catalogue lookup and a
        // reason string for each of the (often a thousand) candidates.
        Candidate[] ordered = candidates.values().toArray(new Candidate[0]);
        for (Candidate c : ordered) {
            c.score = c.coScore + c.trendScore;
        }
        java.util.Arrays.sort(ordered, (a, b) -> {
            int byScore = Float.compare(b.score, a.score);
            return byScore != 0 ? byScore : a.itemId.compareTo(b.itemId);
        });
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
