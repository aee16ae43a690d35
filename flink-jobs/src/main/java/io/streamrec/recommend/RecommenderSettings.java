package io.streamrec.recommend;

import io.streamrec.config.RecommendOptions;
import io.streamrec.config.ValidationOptions;
import io.streamrec.user.UserHistory;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.configuration.ReadableConfig;

/** The recommender's options, read once on the client and shipped with the function. */
public final class RecommenderSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public final int topN;
    public final long minIntervalMillis;
    public final boolean excludePurchased;
    public final boolean excludeSeen;
    public final int historyMaxLength;
    public final long userTtlMillis;
    public final int dedupWindow;
    public final long popularityHalfLifeMillis;
    public final int coOccurrenceWindow;
    public final int maxNeighbours;
    public final RecommendationFilter filter;

    public RecommenderSettings(ReadableConfig config) {
        this.topN = positive(config.get(RecommendOptions.TOP_N), RecommendOptions.TOP_N.key());
        this.minIntervalMillis = config.get(RecommendOptions.MIN_INTERVAL).toMillis();
        this.excludePurchased = config.get(RecommendOptions.EXCLUDE_PURCHASED);
        this.excludeSeen = config.get(RecommendOptions.EXCLUDE_SEEN);
        this.historyMaxLength = positive(config.get(RecommendOptions.HISTORY_MAX_LENGTH),
                RecommendOptions.HISTORY_MAX_LENGTH.key());
        this.userTtlMillis = config.get(RecommendOptions.USER_TTL).toMillis();
        this.dedupWindow = config.get(ValidationOptions.DEDUP_WINDOW);
        this.popularityHalfLifeMillis = config.get(RecommendOptions.POPULARITY_HALF_LIFE).toMillis();
        this.coOccurrenceWindow = positive(config.get(RecommendOptions.CO_OCCURRENCE_WINDOW),
                RecommendOptions.CO_OCCURRENCE_WINDOW.key());
        this.maxNeighbours = positive(config.get(RecommendOptions.MAX_NEIGHBOURS), RecommendOptions.MAX_NEIGHBOURS.key());
        this.filter = RecommendationFilter.from(config);
    }

    /**
     * The items a recommendation for {@code history} must not contain, taken out before the top-N: the
     * triggering item, and the user's purchased or (recommend.exclude-seen) every kept item.
     */
    public Set<String> excludedFor(UserHistory history, String triggerItem) {
        Set<String> excluded = excludeSeen ? history.allItems()
                : excludePurchased ? history.purchasedItems() : new HashSet<>();
        if (triggerItem != null) {
            excluded.add(triggerItem);
        }
        return excluded;
    }

    private static int positive(int value, String key) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
        return value;
    }
}
