package io.streamrec.recommend;

import io.streamrec.config.RecommendOptions;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.configuration.ReadableConfig;

/** Items that must never be shown: blocked items, items of blocked categories. */
public final class RecommendationFilter implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Set<String> blockedItems;
    private final Set<String> blockedCategories;

    public RecommendationFilter(Set<String> blockedItems, Set<String> blockedCategories) {
        this.blockedItems = new HashSet<>(blockedItems);
        this.blockedCategories = new HashSet<>(blockedCategories);
    }

    public static RecommendationFilter from(ReadableConfig config) {
        return new RecommendationFilter(new HashSet<>(config.get(RecommendOptions.BLOCKED_ITEMS)),
                new HashSet<>(config.get(RecommendOptions.BLOCKED_CATEGORIES)));
    }

    public boolean allows(String itemId, ItemInfo info) {
        return allows(itemId, info == null ? null : info.category);
    }

    /** Whether the item may be shown, given its category (null: none known). */
    public boolean allows(String itemId, String category) {
        if (!blockedItems.isEmpty() && blockedItems.contains(itemId)) {
            return false;
        }
        return category == null || blockedCategories.isEmpty() || !blockedCategories.contains(category);
    }
}
