package io.streamrec.ranking;

import io.streamrec.recommend.ItemStats;
import io.streamrec.user.UserProfile;
import java.util.List;
import java.util.Map;

/** Computes the ranker's feature vector of one (user, item) pair: interpretable features, then u * v terms. */
public final class FeatureExtractor {
    private static final double FRESHNESS_SCALE_MILLIS = 7 * 86_400_000.0;

    private final ItemStats stats;

    public FeatureExtractor(ItemStats stats) {
        this.stats = stats;
    }

    /** Per-request values shared by all candidates, computed once. */
    public static final class Context {
        final UserProfile profile;
        final float[] fused;
        final float[] interest;
        final float[] session;
        final float[] intent;
        final float[] sentiment;
        final float[] image;
        final List<String> recentItems;
        final long now;
        final int slot;
        final double maxPopularity;

        public Context(UserProfile profile, float[] fused, List<String> recentItems, long now, double maxPopularity) {
            this.profile = profile;
            this.fused = fused;
            this.interest = Vectors.normalized(profile.interest);
            this.session = Vectors.normalized(profile.session);
            this.intent = Vectors.normalized(profile.intent);
            this.sentiment = Vectors.normalized(profile.sentiment);
            this.image = Vectors.normalized(profile.image);
            this.recentItems = recentItems;
            this.now = now;
            this.slot = UserProfile.timeSlot(now);
            this.maxPopularity = maxPopularity;
        }
    }

    public float[] features(Context c, ItemVector item, int dimension) {
        float[] x = new float[Feature.COUNT + dimension];
        x[Feature.BIAS.ordinal()] = 1f;
        x[Feature.INTEREST.ordinal()] = Vectors.dot(c.interest, item.text);
        x[Feature.SESSION.ordinal()] = Vectors.dot(c.session, item.text);
        x[Feature.INTENT.ordinal()] = Vectors.dot(c.intent, item.text);
        x[Feature.SENTIMENT.ordinal()] = Vectors.dot(c.sentiment, item.text);
        x[Feature.IMAGE.ordinal()] = Vectors.dot(c.image, item.image);
        x[Feature.CO_OCCURRENCE.ordinal()] = coOccurrence(c.recentItems, item.itemId);
        // Relative to the most popular item; both may have decayed to almost nothing after a long
        // quiet spell, where a ratio of tiny numbers would explode.
        double pop = stats.popularity(item.itemId);
        double max = Math.max(c.maxPopularity, pop);
        x[Feature.POPULARITY.ordinal()] = max < 1e-9 ? 0f : (float) (Math.log1p(pop) / Math.log1p(max));
        x[Feature.FRESHNESS.ordinal()] = (float) Math.exp(-Math.max(0, c.now - item.updatedAt) / FRESHNESS_SCALE_MILLIS);
        x[Feature.CATEGORY.ordinal()] = c.profile.categoryShare(item.category);
        x[Feature.TIME_OF_DAY.ordinal()] = c.profile.categoryShareInSlot(item.category, c.slot);
        if (c.fused != null && item.text != null) {
            for (int i = 0; i < dimension && i < item.text.length && i < c.fused.length; i++) {
                x[Feature.COUNT + i] = c.fused[i] * item.text[i];
            }
        }
        return x;
    }

    /** Normalised co-occurrence of {@code item} with the user's recent items, more recent weighing more. */
    private float coOccurrence(List<String> recent, String item) {
        float score = 0f;
        for (int i = 0; i < recent.size(); i++) {
            Map<String, float[]> neighbours = stats.neighbours(recent.get(i));
            float[] count = neighbours.get(item);
            if (count == null) {
                continue;
            }
            float max = 0f;
            for (float[] c : neighbours.values()) {
                max = Math.max(max, c[0]);
            }
            score += count[0] / max / (1 + i);
        }
        return Math.min(1f, score);
    }
}
