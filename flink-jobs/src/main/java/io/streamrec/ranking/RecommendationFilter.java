package io.streamrec.ranking;

import io.streamrec.state.ItemInfo;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

/** Items that must never be shown: blocked items, items of blocked categories. */
public final class RecommendationFilter implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Set<String> blockedItems;
    private final Set<String> blockedCategories;

    public RecommendationFilter(Set<String> blockedItems, Set<String> blockedCategories) {
        this.blockedItems = new HashSet<>(blockedItems);
        this.blockedCategories = new HashSet<>(blockedCategories);
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
