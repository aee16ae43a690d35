package io.streamrec.job;

import io.streamrec.config.JobOptions;
import io.streamrec.config.ModelOptions;
import io.streamrec.config.RecommendOptions;
import io.streamrec.config.ValidationOptions;
import io.streamrec.ranking.Exploration;
import io.streamrec.ranking.RecommendationFilter;
import io.streamrec.recommenders.ModelSettings;
import io.streamrec.recommenders.RecommenderSettings;
import io.streamrec.recommenders.ShadowBaseline;
import java.util.HashSet;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Reads the recommenders' settings from the job's options, once on the client, checking each value: the
 * recommenders themselves see plain settings, never the configuration.
 */
public final class Settings {
    private Settings() {}

    public static RecommenderSettings recommender(ReadableConfig config) {
        return new RecommenderSettings(
                positive(config.get(RecommendOptions.TOP_N), RecommendOptions.TOP_N.key()),
                config.get(RecommendOptions.MIN_INTERVAL).toMillis(),
                config.get(RecommendOptions.EXCLUDE_PURCHASED),
                config.get(RecommendOptions.EXCLUDE_SEEN),
                positive(config.get(RecommendOptions.HISTORY_MAX_LENGTH), RecommendOptions.HISTORY_MAX_LENGTH.key()),
                config.get(RecommendOptions.USER_TTL).toMillis(),
                config.get(ValidationOptions.DEDUP_WINDOW),
                config.get(RecommendOptions.POPULARITY_HALF_LIFE).toMillis(),
                positive(config.get(RecommendOptions.CO_OCCURRENCE_WINDOW), RecommendOptions.CO_OCCURRENCE_WINDOW.key()),
                positive(config.get(RecommendOptions.MAX_NEIGHBOURS), RecommendOptions.MAX_NEIGHBOURS.key()),
                filter(config),
                nonNegative(config.get(RecommendOptions.QUALITY_WINDOW).toMillis(), RecommendOptions.QUALITY_WINDOW.key()));
    }

    /** Items that must never be shown: {@code recommend.blocked-items} and {@code recommend.blocked-categories}. */
    public static RecommendationFilter filter(ReadableConfig config) {
        return new RecommendationFilter(new HashSet<>(config.get(RecommendOptions.BLOCKED_ITEMS)),
                new HashSet<>(config.get(RecommendOptions.BLOCKED_CATEGORIES)));
    }

    public static ModelSettings model(ReadableConfig config) {
        int batchSize = config.get(ModelOptions.BATCH_SIZE);
        int candidates = config.get(ModelOptions.CANDIDATES);
        if (batchSize <= 0 || candidates <= 0) {
            throw new IllegalArgumentException(ModelOptions.BATCH_SIZE.key() + " and " + ModelOptions.CANDIDATES.key()
                    + " must be positive");
        }
        int coOccurring = config.get(ModelOptions.CANDIDATES_CO_OCCURRING);
        if (coOccurring < 0) {
            throw new IllegalArgumentException(ModelOptions.CANDIDATES_CO_OCCURRING.key() + " must not be negative");
        }
        int searchBeam = config.get(ModelOptions.SEARCH_BEAM);
        if (searchBeam < 1) {
            throw new IllegalArgumentException(ModelOptions.SEARCH_BEAM.key() + " must be positive");
        }
        int approximateAbove = config.get(ModelOptions.APPROXIMATE_ABOVE);
        if (approximateAbove < 0) {
            throw new IllegalArgumentException(ModelOptions.APPROXIMATE_ABOVE.key() + " must not be negative");
        }
        int recentItems = config.get(ModelOptions.CO_OCCURRENCE_RECENT_ITEMS);
        if (recentItems < 1) {
            throw new IllegalArgumentException(ModelOptions.CO_OCCURRENCE_RECENT_ITEMS.key() + " must be positive");
        }
        double recencyExponent = config.get(ModelOptions.CO_OCCURRENCE_RECENCY_EXPONENT);
        if (!(recencyExponent >= 0)) {
            throw new IllegalArgumentException(ModelOptions.CO_OCCURRENCE_RECENCY_EXPONENT.key() + " must be >= 0");
        }
        double transitions = config.get(ModelOptions.CO_OCCURRENCE_TRANSITIONS);
        if (!(transitions >= 0)) {
            throw new IllegalArgumentException(ModelOptions.CO_OCCURRENCE_TRANSITIONS.key() + " must be >= 0, got "
                    + transitions);
        }
        int transitionWindow = config.get(ModelOptions.CO_OCCURRENCE_TRANSITION_WINDOW);
        if (transitionWindow < 1) {
            throw new IllegalArgumentException(ModelOptions.CO_OCCURRENCE_TRANSITION_WINDOW.key() + " must be >= 1, got "
                    + transitionWindow);
        }
        int gateHalfLife = config.get(ModelOptions.GATE_HALF_LIFE);
        if (gateHalfLife < 0) {
            throw new IllegalArgumentException(ModelOptions.GATE_HALF_LIFE.key() + " must be >= 0 (0: no gate), got "
                    + gateHalfLife);
        }
        Exploration exploration;
        try {
            exploration = new Exploration(config.get(ModelOptions.EXPLORATION_SLOTS),
                    config.get(ModelOptions.EXPLORATION_RANK), config.get(ModelOptions.EXPLORATION_WINDOW).toMillis());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid ranking.exploration.* options: " + e.getMessage(), e);
        }
        ShadowBaseline.Settings shadow;
        try {
            shadow = new ShadowBaseline.Settings(config.get(ModelOptions.SHADOW_SAMPLE), config.get(ModelOptions.GUARD),
                    config.get(ModelOptions.GUARD_MARGIN), config.get(ModelOptions.GUARD_DURATION).toMillis(),
                    config.get(ModelOptions.GUARD_MIN_PROBES));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid recommend.shadow / recommend.guard options: " + e.getMessage(), e);
        }
        return new ModelSettings(
                recommender(config),
                candidates,
                coOccurring,
                recentItems,
                recencyExponent,
                transitions,
                transitionWindow,
                config.get(ModelOptions.CANDIDATES_REUSE_COSINE).floatValue(),
                config.get(ModelOptions.CANDIDATES_REUSE_USERS),
                config.get(ModelOptions.MAX_PER_CATEGORY),
                config.get(ModelOptions.SESSION_GAP).toMillis(),
                config.get(ModelOptions.INTEREST_HALF_LIFE).toMillis(),
                config.get(ModelOptions.INTENT_HALF_LIFE).toMillis(),
                config.get(ModelOptions.LEARNING_ENABLED),
                config.get(ModelOptions.APPLY_UPDATES),
                batchSize,
                config.get(ModelOptions.LEARNING_RATE),
                config.get(ModelOptions.L2),
                nonNegative(config.get(ModelOptions.ITEM_BIAS_LEARNING_RATE), ModelOptions.ITEM_BIAS_LEARNING_RATE.key()),
                config.get(ModelOptions.POSITIVE_MIN_RATING),
                config.get(ModelOptions.SAMPLED_NEGATIVES),
                config.get(ModelOptions.SHOWN_NEGATIVES),
                config.get(ModelOptions.POPULAR_NEGATIVES),
                config.get(ModelOptions.LOSS),
                positive(config.get(ModelOptions.POOL_SAMPLE), ModelOptions.POOL_SAMPLE.key()),
                gateHalfLife,
                config.get(JobOptions.JOB_NAME),
                config.get(ModelOptions.INDEX),
                approximateAbove,
                searchBeam,
                exploration,
                shadow,
                config.get(ModelOptions.TEST_REVERSE_GRADIENTS));
    }

    private static double nonNegative(double value, String key) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException(key + " must be 0 or more, got " + value);
        }
        return value;
    }

    private static int positive(int value, String key) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
        return value;
    }

    private static long nonNegative(long value, String key) {
        if (value < 0) {
            throw new IllegalArgumentException(key + " must not be negative, got " + value);
        }
        return value;
    }
}
