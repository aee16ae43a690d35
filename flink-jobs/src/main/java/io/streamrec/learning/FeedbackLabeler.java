package io.streamrec.learning;

import io.streamrec.ranking.FeatureExtractor;
import io.streamrec.retrieval.VectorIndex;
import io.streamrec.state.ItemVector;
import io.streamrec.state.UserProfile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns an interaction into labelled examples: the item taken is a positive; items shown just before
 * and not taken, a few random catalogue items and popular items the user has not taken are negatives.
 * Features are those of the profile before the interaction, as the ranker saw it when it served.
 */
public final class FeedbackLabeler {
    private static final int MAX_SHOWN_NEGATIVES = 3;
    /** Popular negatives are drawn from this many most popular items. */
    public static final int POPULAR_POOL = 500;

    private final FeatureExtractor features;
    private final int sampledNegatives;
    private final boolean shownNegatives;
    private final int popularNegatives;

    public FeedbackLabeler(FeatureExtractor features, int sampledNegatives, boolean shownNegatives) {
        this(features, sampledNegatives, shownNegatives, 0);
    }

    /** @param popularNegatives negatives drawn from the {@link #POPULAR_POOL} most popular items */
    public FeedbackLabeler(FeatureExtractor features, int sampledNegatives, boolean shownNegatives,
            int popularNegatives) {
        if (sampledNegatives < 0 || popularNegatives < 0) {
            throw new IllegalArgumentException("negatives must not be negative, got " + sampledNegatives + " sampled and "
                    + popularNegatives + " popular");
        }
        this.features = features;
        this.sampledNegatives = sampledNegatives;
        this.shownNegatives = shownNegatives;
        this.popularNegatives = popularNegatives;
    }

    /** Whether {@link #label} uses {@code popular}: callers skip computing it otherwise. */
    public boolean wantsPopular() {
        return popularNegatives > 0;
    }

    /** A labelled feature vector. */
    public record Example(String itemId, float[] features, boolean label) {}

    public List<Example> label(FeatureExtractor.Context context, UserProfile before, ItemVector taken,
            VectorIndex index, Function<String, ItemVector> items, int dimension, String eventId) {
        return label(context, before, taken, index, items, dimension, eventId, List.of());
    }

    /** As above, with the most popular items now (most popular first) to draw popular negatives from. */
    public List<Example> label(FeatureExtractor.Context context, UserProfile before, ItemVector taken,
            VectorIndex index, Function<String, ItemVector> items, int dimension, String eventId,
            List<String> popular) {
        List<Example> examples = new ArrayList<>();
        examples.add(new Example(taken.itemId, features.features(context, taken, dimension), true));
        Set<String> negatives = new LinkedHashSet<>();
        for (String shown : shownNegatives ? before.history.servedItems : new String[0]) {
            if (negatives.size() >= MAX_SHOWN_NEGATIVES) {
                break;
            }
            if (!shown.equals(taken.itemId)) {
                negatives.add(shown);
            }
        }
        // Deterministic per event, so a replay after a failure computes the same gradient.
        Random random = new Random(eventId.hashCode());
        for (int i = 0; i < sampledNegatives && index.size() > 1; i++) {
            String id = index.idAt(random.nextInt(index.size()));
            if (!id.equals(taken.itemId)) {
                negatives.add(id);
            }
        }
        addUntaken(negatives, popular, Math.min(POPULAR_POOL, popular.size()), popularNegatives, random, taken, before);
        for (String id : negatives) {
            ItemVector item = items.apply(id);
            if (item != null && item.text != null) {
                examples.add(new Example(id, features.features(context, item, dimension), false));
            }
        }
        return examples;
    }

    /**
     * The taken item's features and those of the candidates it had to beat; {@code ids} holds the taken
     * item's id, then the others' in their order.
     */
    public record PoolExample(float[] taken, List<float[]> others, List<String> ids) {}

    /**
     * The taken item against a uniform sample of at most {@code sample} of the other candidates its request
     * would have scored ({@code pool}, without the excluded items); null when the taken item was not among
     * them: no order of that pool would have served it, and learning from it would teach the ranker against
     * the very features that filled the pool.
     */
    public PoolExample fromPool(FeatureExtractor.Context context, ItemVector taken, Set<String> pool,
            Set<String> excluded, Function<String, ItemVector> items, int dimension, String eventId, int sample) {
        if (!pool.contains(taken.itemId)) {
            return null;
        }
        List<String> others = new ArrayList<>(pool.size());
        for (String id : pool) {
            if (!id.equals(taken.itemId) && !excluded.contains(id)) {
                others.add(id);
            }
        }
        // Deterministic per event, so a replay after a failure computes the same gradient.
        Random random = new Random(eventId.hashCode());
        List<float[]> features = new ArrayList<>(Math.min(sample, others.size()));
        List<String> ids = new ArrayList<>(Math.min(sample, others.size()) + 1);
        ids.add(taken.itemId);
        for (int i = 0; i < others.size() && features.size() < sample; i++) {
            int j = i + random.nextInt(others.size() - i); // a partial Fisher-Yates shuffle
            String id = others.set(j, others.get(i));
            ItemVector item = items.apply(id);
            if (item != null && item.text != null) {
                features.add(this.features.features(context, item, dimension));
                ids.add(id);
            }
        }
        return features.isEmpty() ? null
                : new PoolExample(this.features.features(context, taken, dimension), features, ids);
    }

    /** Adds {@code count} draws from the first {@code pool} of {@code from} that the user has not taken. */
    private static void addUntaken(Set<String> negatives, List<String> from, int pool, int count, Random random,
            ItemVector taken, UserProfile before) {
        for (int i = 0; i < count && pool > 1; i++) {
            String id = from.get(random.nextInt(pool));
            if (!id.equals(taken.itemId) && !before.history.contains(id)) {
                negatives.add(id);
            }
        }
    }
}
