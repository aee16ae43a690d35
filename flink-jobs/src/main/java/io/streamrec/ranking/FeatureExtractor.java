package io.streamrec.ranking;

import io.streamrec.state.ItemStats;
import io.streamrec.state.ItemVector;
import io.streamrec.state.UserProfile;
import io.streamrec.vectors.Vectors;
import java.util.List;

/** Computes the ranker's feature vector of one (user, item) pair: interpretable features, then u * v terms. */
public final class FeatureExtractor {
    private static final double FRESHNESS_SCALE_MILLIS = 7 * 86_400_000.0;

    private final ItemStats stats;
    private final CoOccurrenceScores co = new CoOccurrenceScores();
    private Context coFor;
    private long coAt;
    /** The strongest co-occurrence score of the request in {@link #co}: the feature is relative to it. */
    private float coMax;

    /** The default of {@code ranking.co-occurrence.recency-exponent}. */
    public static final double DEFAULT_RECENCY_EXPONENT = 0.5;

    /**
     * The default of {@code ranking.co-occurrence.transitions}: chosen on the tuning slice of ml-latest-small among
     * 0, 0.5, 1 and 2 (docs/evaluation.md).
     */
    public static final double DEFAULT_TRANSITION_WEIGHT = 1.0;

    private final double recencyExponent;
    private final float transitionWeight;

    public FeatureExtractor(ItemStats stats) {
        this(stats, DEFAULT_RECENCY_EXPONENT);
    }

    /** @param recencyExponent how fast older recent items count for less in the co-occurrence feature */
    public FeatureExtractor(ItemStats stats, double recencyExponent) {
        this(stats, recencyExponent, 0f);
    }

    /** @param transitionWeight how much what users took next after a recent item adds to its co-occurrences */
    public FeatureExtractor(ItemStats stats, double recencyExponent, float transitionWeight) {
        if (!(transitionWeight >= 0f)) {
            throw new IllegalArgumentException("the transition weight must be >= 0, got " + transitionWeight);
        }
        this.transitionWeight = transitionWeight;
        if (!(recencyExponent >= 0)) {
            throw new IllegalArgumentException("the recency exponent must be >= 0, got " + recencyExponent);
        }
        this.recencyExponent = recencyExponent;
        this.stats = stats;
    }

    /** Per-request values shared by all candidates, computed once. */
    public static final class Context {
        final UserProfile profile;
        public final float[] fused;
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
        x[Feature.INTEREST.ordinal()] = Vectors.dot(c.interest, item.text);
        x[Feature.SESSION.ordinal()] = Vectors.dot(c.session, item.text);
        x[Feature.INTENT.ordinal()] = Vectors.dot(c.intent, item.text);
        x[Feature.SENTIMENT.ordinal()] = Vectors.dot(c.sentiment, item.text);
        itemFeatures(c, item, x);
        if (c.fused != null && item.text != null) {
            for (int i = 0; i < dimension && i < item.text.length && i < c.fused.length; i++) {
                x[Feature.COUNT + i] = c.fused[i] * item.text[i];
            }
        }
        return x;
    }

    /** The features that are not linear in the item's text vector (bias included). */
    private void itemFeatures(Context c, ItemVector item, float[] x) {
        x[Feature.BIAS.ordinal()] = 1f;
        x[Feature.IMAGE.ordinal()] = Vectors.dot(c.image, item.image);
        int ordinal = stats.ordinal(item.itemId); // one lookup by id for both counts
        x[Feature.CO_OCCURRENCE.ordinal()] = coOccurrence(c, ordinal);
        // Relative to the most popular item; both may have decayed to almost nothing after a long
        // quiet spell, where a ratio of tiny numbers would explode.
        double pop = ordinal < 0 ? 0 : stats.popularity(ordinal);
        double max = Math.max(c.maxPopularity, pop);
        x[Feature.POPULARITY.ordinal()] = max < 1e-9 ? 0f : (float) (Math.log1p(pop) / Math.log1p(max));
        x[Feature.FRESHNESS.ordinal()] = (float) Math.exp(-Math.max(0, c.now - item.updatedAt) / FRESHNESS_SCALE_MILLIS);
        x[Feature.CATEGORY.ordinal()] = c.profile.categoryShare(item.category);
        x[Feature.TIME_OF_DAY.ordinal()] = c.profile.categoryShareInSlot(item.category, c.slot);
    }

    /**
     * Scores candidates of one request: {@code w . features(c, item)} without building the features. Every
     * text feature (interest, session, intent, sentiment similarity and the u * v terms) is linear in the
     * item's vector, so their weighted sum is one dot product with a vector folded once per request; per
     * candidate that is one pass over the dimensions instead of nine. Equal to {@code Ranker.logit} on the
     * full features up to float rounding.
     */
    public Scorer scorer(Context c, float[] weights, int dimension) {
        float[] folded = null;
        folded = fold(folded, c.interest, weights[Feature.INTEREST.ordinal()]);
        folded = fold(folded, c.session, weights[Feature.SESSION.ordinal()]);
        folded = fold(folded, c.intent, weights[Feature.INTENT.ordinal()]);
        folded = fold(folded, c.sentiment, weights[Feature.SENTIMENT.ordinal()]);
        if (c.fused != null) {
            int n = Math.min(dimension, c.fused.length);
            float[] bilinear = new float[n];
            for (int i = 0; i < n; i++) {
                bilinear[i] = weights[Feature.COUNT + i] * c.fused[i];
            }
            folded = fold(folded, bilinear, 1f);
        }
        return new Scorer(c, weights, folded);
    }

    private static float[] fold(float[] into, float[] v, float weight) {
        if (v == null) {
            return into;
        }
        if (into == null) {
            into = new float[v.length];
        } else if (into.length < v.length) {
            into = java.util.Arrays.copyOf(into, v.length);
        }
        for (int i = 0; i < v.length; i++) {
            into[i] += weight * v[i];
        }
        return into;
    }

    /** The per-request scorer from {@link #scorer}. */
    public final class Scorer {
        private final Context c;
        private final float[] weights;
        private final float[] folded;
        private final float[] x = new float[Feature.COUNT];

        private Scorer(Context c, float[] weights, float[] folded) {
            this.c = c;
            this.weights = weights;
            this.folded = folded;
        }

        public float logit(ItemVector item) {
            itemFeatures(c, item, x);
            float s = Vectors.dot(folded, item.text);
            for (Feature f : NON_TEXT) {
                s += weights[f.ordinal()] * x[f.ordinal()];
            }
            return s;
        }
    }

    private static final Feature[] NON_TEXT = {Feature.BIAS, Feature.IMAGE, Feature.CO_OCCURRENCE,
            Feature.POPULARITY, Feature.FRESHNESS, Feature.CATEGORY, Feature.TIME_OF_DAY};

    /**
     * Normalised co-occurrence of {@code item} with the user's recent items, more recent weighing more:
     * computed once per request (context) for all neighbours, then looked up per candidate.
     */
    private float coOccurrence(Context c, int ordinal) {
        CoOccurrenceScores scores = coOccurrences(c);
        return coMax <= 0f ? 0f : scores.score(ordinal) / coMax;
    }

    private CoOccurrenceScores coOccurrences(Context c) {
        if (coFor != c || coAt != stats.changes()) {
            co.compute(stats, c.recentItems, Integer.MAX_VALUE, recencyExponent, transitionWeight);
            coMax = co.maxScore();
            coFor = c;
            coAt = stats.changes();
        }
        return co;
    }

    /**
     * Item ordinals of the {@code k} items that co-occur most with the user's recent items (the same sum the
     * co-occurrence feature takes), strongest first.
     */
    public int[] strongestCoOccurring(Context c, int k) {
        return coOccurrences(c).strongest(k);
    }

    /** As above, without the items in {@code excluded}: they would take places a list cannot use. */
    public int[] strongestCoOccurring(Context c, int k, java.util.Set<String> excluded) {
        return excluded.isEmpty() ? strongestCoOccurring(c, k)
                : coOccurrences(c).strongest(k, ordinal -> excluded.contains(stats.id(ordinal)));
    }
}
