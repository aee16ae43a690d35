package io.streamrec.ranking;

import io.streamrec.retrieval.CandidateCache;
import io.streamrec.retrieval.VectorIndex;
import io.streamrec.state.ItemStats;
import io.streamrec.state.ItemVector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Candidates (nearest items to the fused user vector, the items that co-occur most with the recent ones,
 * trending items), scored by the learned ranker, filtered, diversified by category, cut to N; new items that match
 * the user get the places {@link Exploration} reserves.
 */
public final class ModelRanker {
    /** The default of ranking.candidates.co-occurring. */
    public static final int DEFAULT_CO_OCCURRING_CANDIDATES = 60;
    /** The default of ranking.co-occurrence.recent-items. */
    public static final int DEFAULT_CO_OCCURRENCE_RECENT_ITEMS = 10;
    private static final int TRENDING_CANDIDATES = 30;

    private final VectorIndex index;
    private final ItemStats stats;
    private final FeatureExtractor features;
    private final Exploration exploration;
    private final int coOccurring;
    /** Told every pool's candidates when set (diagnostics); null in the job. */
    private CandidateSource.Recorder recorder;

    public ModelRanker(VectorIndex index, ItemStats stats) {
        this(index, stats, Exploration.NONE, DEFAULT_CO_OCCURRING_CANDIDATES);
    }

    /** @param coOccurring candidates taken from co-occurrence with the user's recent items */
    public ModelRanker(VectorIndex index, ItemStats stats, Exploration exploration, int coOccurring) {
        this(index, stats, exploration, coOccurring, new FeatureExtractor(stats));
    }

    /** With {@code features} for the ranker's features (e.g. another co-occurrence recency). */
    public ModelRanker(VectorIndex index, ItemStats stats, Exploration exploration, int coOccurring,
            FeatureExtractor features) {
        if (coOccurring < 0) {
            throw new IllegalArgumentException("co-occurring candidates must not be negative, got " + coOccurring);
        }
        this.index = index;
        this.stats = stats;
        this.features = features;
        this.exploration = exploration;
        this.coOccurring = coOccurring;
    }

    /** Tells {@code recorder} the candidates of every pool and where they came from (null: nobody). */
    public void recordPools(CandidateSource.Recorder recorder) {
        this.recorder = recorder;
    }

    public FeatureExtractor features() {
        return features;
    }

    public List<RankedItem> rank(FeatureExtractor.Context c, float[] weights, Function<String, ItemVector> items,
            Set<String> excluded, RecommendationFilter filter, int n, int candidates, int maxPerCategory) {
        return rank(c, weights, items, excluded, filter, n, index.topK(c.fused, candidates, excluded::contains, excluded.size()),
                maxPerCategory);
    }

    /** As above, with the nearest items to the fused vector already retrieved (e.g. by {@link CandidateCache}). */
    public List<RankedItem> rank(FeatureExtractor.Context c, float[] weights, Function<String, ItemVector> items,
            Set<String> excluded, RecommendationFilter filter, int n, List<String> nearest, int maxPerCategory) {
        return rank(c, weights, ItemOffsets.NONE, null, ItemOffsets.NONE, items, excluded, filter, n, nearest,
                maxPerCategory).shown();
    }

    /** The list to serve, and the ids of the list that other weights would have made of the same candidates. */
    public record Ranking(List<RankedItem> shown, List<String> shadow) {}

    /**
     * As above, and the list {@code shadowWeights} (null: none) make of the same candidates under the same
     * rules (exclusions, exploration, diversity): a second score per candidate, not a second retrieval. Each
     * weight vector comes with the item offsets learnt beside it ({@link ItemOffsets#NONE} for the prior).
     */
    public Ranking rank(FeatureExtractor.Context c, float[] weights, ItemOffsets offsets, float[] shadowWeights,
            ItemOffsets shadowOffsets,
            Function<String, ItemVector> items, Set<String> excluded, RecommendationFilter filter, int n,
            List<String> nearest, int maxPerCategory) {
        Set<String> pool = candidates(c, excluded, nearest, recorder);
        List<RankedItem> scored = new ArrayList<>(pool.size());
        List<RankedItem> shadowScored = shadowWeights == null ? null : new ArrayList<>(pool.size());
        int dimension = weights.length - Feature.COUNT;
        FeatureExtractor.Scorer scorer = features.scorer(c, weights, dimension);
        FeatureExtractor.Scorer shadowScorer = shadowWeights == null ? null : features.scorer(c, shadowWeights, dimension);
        for (String id : pool) {
            if (excluded.contains(id)) {
                continue;
            }
            ItemVector item = items.apply(id);
            if (item == null || item.text == null || !filter.allows(id, item.category)) {
                continue;
            }
            float logit = scorer.logit(item) + offsets.of(id);
            scored.add(new RankedItem(item, Logistic.sigmoid(logit), logit, null));
            if (shadowScorer != null) {
                float shadowLogit = shadowScorer.logit(item) + shadowOffsets.of(id);
                shadowScored.add(new RankedItem(item, Logistic.sigmoid(shadowLogit), shadowLogit, null));
            }
        }
        // What drove the score: from the full features, for the few shown only.
        List<RankedItem> shown = ordered(scored, nearest, c.now, n, maxPerCategory);
        for (int i = 0; i < shown.size(); i++) {
            RankedItem r = shown.get(i);
            if (r.driver() == null) {
                Feature driver = driver(weights, features.features(c, r.item(), dimension));
                shown.set(i, new RankedItem(r.item(), r.score(), r.logit(), driver));
            }
        }
        List<String> shadow = shadowScored == null ? List.of()
                : ordered(shadowScored, nearest, c.now, n, maxPerCategory).stream().map(r -> r.item().itemId).toList();
        return new Ranking(shown, shadow);
    }

    /**
     * The candidates a request scores: the nearest items to the fused vector, the items that co-occur most with
     * the recent ones (not in {@code excluded}) and the trending ones; some may still be excluded.
     */
    public Set<String> candidates(FeatureExtractor.Context c, Set<String> excluded, List<String> nearest) {
        return candidates(c, excluded, nearest, null);
    }

    private Set<String> candidates(FeatureExtractor.Context c, Set<String> excluded, List<String> nearest,
            CandidateSource.Recorder recorder) {
        Set<String> pool = new LinkedHashSet<>(nearest);
        // The items that co-occur most with the recent ones as a whole, not a share of each one's neighbours:
        // ten recent items with full neighbour lists would otherwise add up to 300 candidates to score.
        int[] coOccurringOrdinals = features.strongestCoOccurring(c, coOccurring, excluded);
        for (int ordinal : coOccurringOrdinals) {
            pool.add(stats.id(ordinal));
        }
        List<String> trending = stats.trending(TRENDING_CANDIDATES);
        pool.addAll(trending);
        if (recorder != null) {
            nearest.forEach(id -> recorder.candidate(id, CandidateSource.TEXT_NEAREST));
            for (int ordinal : coOccurringOrdinals) {
                recorder.candidate(stats.id(ordinal), CandidateSource.CO_OCCURRING);
            }
            trending.forEach(id -> recorder.candidate(id, CandidateSource.TRENDING));
        }
        return pool;
    }

    /** Best first (ties by id), fresh items moved up to the exploration rank, then at most n with diversity. */
    private List<RankedItem> ordered(List<RankedItem> scored, List<String> nearest, long now, int n, int maxPerCategory) {
        scored.sort((a, b) -> {
            int byScore = Float.compare(b.logit(), a.logit());
            return byScore != 0 ? byScore : a.item().itemId.compareTo(b.item().itemId);
        });
        if (exploration.slots() > 0) {
            explore(scored, nearest, now);
        }
        return diversify(scored, n, maxPerCategory);
    }

    /**
     * Moves the best fresh items among the text-retrieved ones up to the exploration rank (if they are not
     * already above it), marked as driven by freshness; diversity still applies to them.
     */
    private void explore(List<RankedItem> sorted, List<String> nearest, long now) {
        List<RankedItem> picked = new ArrayList<>(exploration.slots());
        Set<String> retrieved = null; // built only when a candidate passes the cheaper tests
        int found = 0;
        for (int i = 0; i < sorted.size() && found < exploration.slots(); i++) {
            RankedItem r = sorted.get(i);
            if (!exploration.recent(r.item(), now)
                    || !exploration.fresh(r.item(), stats.popularity(r.item().itemId), now)) {
                continue;
            }
            if (retrieved == null) {
                retrieved = new HashSet<>(nearest);
            }
            if (retrieved.contains(r.item().itemId)) {
                found++;
                if (i >= exploration.rank() - 1) { // one above the exploration rank earned its place already
                    picked.add(r);
                }
            }
        }
        sorted.removeAll(picked);
        int at = Math.min(exploration.rank() - 1, sorted.size());
        for (RankedItem r : picked) {
            sorted.add(at++, new RankedItem(r.item(), r.score(), r.logit(), Feature.FRESHNESS));
        }
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
