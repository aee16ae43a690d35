package io.streamrec.ranking;

import io.streamrec.state.ItemInfo;

/** A ranked item with its score, reason and catalogue entry ({@code info} null when the catalogue lacks it). */
public record ScoredItem(String itemId, float score, String reason, ItemInfo info) {
    public ScoredItem(String itemId, float score, String reason) {
        this(itemId, score, reason, null);
    }

    /** The catalogue title, or null. */
    public String title() {
        return info == null ? null : info.title;
    }
}
