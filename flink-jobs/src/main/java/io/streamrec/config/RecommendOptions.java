package io.streamrec.config;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** What is recommended, to whom and how often; the user state that feeds it. */
public final class RecommendOptions {
    private RecommendOptions() {}

    public static final ConfigOption<RecommenderKind> RECOMMENDER = ConfigOptions.key("recommend.recommender")
            .enumType(RecommenderKind.class)
            .defaultValue(RecommenderKind.MODEL)
            .withDescription("Which recommender serves: MODEL (text-aware fused user representation, learned "
                    + "ranker, online learning) or BASELINE (recent popularity blended with item co-occurrence).");

    public static final ConfigOption<Integer> TOP_N = ConfigOptions.key("recommend.top-n")
            .intType()
            .defaultValue(10)
            .withDescription("Items per recommendation.");

    public static final ConfigOption<Duration> MIN_INTERVAL = ConfigOptions.key("recommend.min-interval")
            .durationType()
            .defaultValue(Duration.ofSeconds(1))
            .withDescription("Minimum event-time gap between two recommendations for one user, so a burst of "
                    + "clicks does not flood the topic; 0 emits on every event.");

    public static final ConfigOption<Duration> QUALITY_WINDOW = ConfigOptions.key("recommend.quality.window")
            .durationType()
            .defaultValue(Duration.ofMinutes(30))
            .withDescription("Live quality: a click or purchase of an item new to the user within this much event "
                    + "time after their last recommendation is scored against that list (hit when in its top 10, "
                    + "and its reciprocal rank), as the metrics quality.hitRate and quality.mrr of each recommender "
                    + "operator; 0 measures nothing.");

    public static final ConfigOption<Boolean> EXCLUDE_PURCHASED = ConfigOptions.key("recommend.exclude-purchased")
            .booleanType()
            .defaultValue(true)
            .withDescription("Never recommend an item the user has purchased (within the kept history).");

    public static final ConfigOption<Boolean> EXCLUDE_SEEN = ConfigOptions.key("recommend.exclude-seen")
            .booleanType()
            .defaultValue(false)
            .withDescription("Never recommend an item the user has interacted with in any way (within the kept "
                    + "history, user.history.max-length): for catalogues where one interaction is enough, e.g. "
                    + "films rated. False keeps viewed items recommendable (shops, where a viewed item is "
                    + "often bought later).");

    public static final ConfigOption<List<String>> BLOCKED_ITEMS = ConfigOptions.key("recommend.blocked-items")
            .stringType()
            .asList()
            .defaultValues()
            .withDescription("Item ids that are never recommended.");

    public static final ConfigOption<List<String>> BLOCKED_CATEGORIES = ConfigOptions.key("recommend.blocked-categories")
            .stringType()
            .asList()
            .defaultValues()
            .withDescription("Categories whose items are never recommended.");

    public static final ConfigOption<Integer> HISTORY_MAX_LENGTH = ConfigOptions.key("user.history.max-length")
            .intType()
            .defaultValue(50)
            .withDescription("Interactions kept per user (the oldest are dropped first).");

    public static final ConfigOption<Duration> USER_TTL = ConfigOptions.key("user.ttl")
            .durationType()
            .defaultValue(Duration.ofDays(30))
            .withDescription("A user's state is dropped after this long without events (processing time).");

    public static final ConfigOption<Duration> POPULARITY_HALF_LIFE = ConfigOptions.key("baseline.popularity-half-life")
            .durationType()
            .defaultValue(Duration.ofHours(6))
            .withDescription("Event-time half-life of the decayed popularity counts.");

    public static final ConfigOption<Integer> CO_OCCURRENCE_WINDOW = ConfigOptions.key("baseline.co-occurrence-window")
            .intType()
            .defaultValue(10)
            .withDescription("How many of the user's most recent items pair with a new interaction as co-occurrences.");

    public static final ConfigOption<Integer> MAX_NEIGHBOURS = ConfigOptions.key("baseline.max-neighbours")
            .intType()
            .defaultValue(200)
            .withDescription("Co-occurrence neighbours kept per item (the weakest are pruned); used by both "
                    + "recommenders. 200 was chosen on the tuning slice of ml-latest-small (50 lost a tenth of "
                    + "NDCG@10: the pruning drops real neighbours of popular items); each costs 8 bytes per "
                    + "item in memory and checkpoints.");

    /** The recommenders the job can serve with. */
    public enum RecommenderKind {
        MODEL,
        BASELINE
    }
}
