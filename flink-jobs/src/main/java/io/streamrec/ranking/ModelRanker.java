package io.streamrec.ranking;

import io.streamrec.learning.ModelState;
import io.streamrec.learning.Ranker;
import io.streamrec.recommend.ItemStats;
import io.streamrec.recommend.RecommendationFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Candidates (nearest items to the fused user vector, co-occurrence neighbours of recent items, trending
 * items), scored by the learned ranker, filtered, diversified by category, cut to N.
 */
public final class ModelRanker {
    private static final int NEIGHBOUR_CANDIDATES = 30;
    private static final int TRENDING_CANDIDATES = 30;

    private final VectorIndex index;
    private final ItemStats stats;
    private final FeatureExtractor features;

    public ModelRanker(VectorIndex index, ItemStats stats) {
        this.index = index;
        this.stats = stats;
        this.features = new FeatureExtractor(stats);
    }

    public FeatureExtractor features() {
        return features;
    }

    public List<RankedItem> rank(FeatureExtractor.Context c, ModelState model, Function<String, ItemVector> items,
            Set<String> excluded, RecommendationFilter filter, int n, int candidates, int maxPerCategory) {
        Set<String> pool = new LinkedHashSet<>(index.topK(c.fused, candidates, excluded::contains));
        for (String recent : c.recentItems) {
            stats.neighbours(recent).entrySet().stream()
                    .sorted((a, b) -> Float.compare(b.getValue()[0], a.getValue()[0]))
                    .limit(NEIGHBOUR_CANDIDATES)
                    .forEach(e -> pool.add(e.getKey()));
        }
        pool.addAll(stats.trending(TRENDING_CANDIDATES));
        List<RankedItem> scored = new ArrayList<>(pool.size());
        int dimension = model.size() - Feature.COUNT;
        for (String id : pool) {
            if (excluded.contains(id)) {
                continue;
            }
            ItemVector item = items.apply(id);
            if (item == null || item.text == null || !filter.allows(id, null) || blockedCategory(filter, item)) {
                continue;
            }
            float[] x = features.features(c, item, dimension);
            float logit = Ranker.logit(model.weights, x);
            scored.add(new RankedItem(item, Ranker.probability(model.weights, x), logit, driver(model.weights, x)));
        }
        scored.sort((a, b) -> {
            int byScore = Float.compare(b.logit(), a.logit());
            return byScore != 0 ? byScore : a.item().itemId.compareTo(b.item().itemId);
        });
        return diversify(scored, n, maxPerCategory);
    }

    private static boolean blockedCategory(RecommendationFilter filter, ItemVector item) {
        return !filter.allows(item.itemId, new io.streamrec.recommend.ItemInfo(item.title, item.category, item.updatedAt));
    }

    /** Best first, at most {@code maxPerCategory} per category (0 = no limit). */
    static List<RankedItem> diversify(List<RankedItem> sorted, int n, int maxPerCategory) {
        List<RankedItem> out = new ArrayList<>(n);
        Map<String, Integer> perCategory = new HashMap<>();
        for (RankedItem r : sorted) {
            if (out.size() >= n) {
                break;
            }
            String category = r.item().category == null ? "" : r.item().category;
            int used = perCategory.getOrDefault(category, 0);
            if (maxPerCategory > 0 && used >= maxPerCategory) {
                continue;
            }
            perCategory.put(category, used + 1);
            out.add(r);
        }
        return out;
    }

    /** The interpretable feature that contributed most; the u * v terms count as interest. */
    static Feature driver(float[] weights, float[] x) {
        float bilinear = 0f;
        for (int i = Feature.COUNT; i < x.length && i < weights.length; i++) {
            bilinear += weights[i] * x[i];
        }
        Feature best = Feature.INTEREST;
        float bestValue = bilinear + weights[Feature.INTEREST.ordinal()] * x[Feature.INTEREST.ordinal()];
        for (Feature f : Feature.values()) {
            if (f == Feature.BIAS || f == Feature.INTEREST) {
                continue;
            }
            float v = weights[f.ordinal()] * x[f.ordinal()];
            if (v > bestValue) {
                bestValue = v;
                best = f;
            }
        }
        return best;
    }
}
