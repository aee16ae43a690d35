package io.streamrec.recommenders;

import io.streamrec.ranking.RecommendationFilter;
import io.streamrec.state.UserHistory;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

/** The options every recommender shares, read once on the client ({@code io.streamrec.config.Settings}) and shipped with the job. */
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
    /** How long after a list a take still counts for it in {@link LiveQuality}; 0 measures nothing. */
    public final long qualityWindowMillis;

    public RecommenderSettings(int topN, long minIntervalMillis, boolean excludePurchased, boolean excludeSeen,
            int historyMaxLength, long userTtlMillis, int dedupWindow, long popularityHalfLifeMillis,
            int coOccurrenceWindow, int maxNeighbours, RecommendationFilter filter, long qualityWindowMillis) {
        this.topN = topN;
        this.minIntervalMillis = minIntervalMillis;
        this.excludePurchased = excludePurchased;
        this.excludeSeen = excludeSeen;
        this.historyMaxLength = historyMaxLength;
        this.userTtlMillis = userTtlMillis;
        this.dedupWindow = dedupWindow;
        this.popularityHalfLifeMillis = popularityHalfLifeMillis;
        this.coOccurrenceWindow = coOccurrenceWindow;
        this.maxNeighbours = maxNeighbours;
        this.filter = filter;
        this.qualityWindowMillis = qualityWindowMillis;
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
}
