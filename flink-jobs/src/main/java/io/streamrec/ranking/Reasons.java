package io.streamrec.ranking;

import io.streamrec.avro.EventType;
import io.streamrec.state.ItemVector;
import io.streamrec.state.UserHistory;
import io.streamrec.state.UserProfile;
import io.streamrec.vectors.Vectors;
import java.util.function.Function;

/** Short human-readable reasons, from the feature that drove an item's score. */
public final class Reasons {
    private static final int LOOK_BACK = 10;

    private Reasons() {}

    public static String of(RankedItem ranked, UserProfile profile, Function<String, ItemVector> items) {
        ItemVector item = ranked.item();
        String category = item.category == null ? "" : " in " + item.category;
        return switch (ranked.driver()) {
            case INTENT -> profile.history.lastQuery == null ? "matches your searches"
                    : "matches your search '" + clip(profile.history.lastQuery) + "'";
            case SENTIMENT -> {
                ItemVector liked = profile.likedItem == null ? null : items.apply(profile.likedItem);
                yield liked == null ? "close to what you reviewed well" : "because you liked " + liked.title;
            }
            case CO_OCCURRENCE -> {
                ItemVector source = mostSimilarRecent(profile.history, item, items);
                yield source == null ? "often chosen together" : "often bought with " + source.title;
            }
            case POPULARITY -> "popular now" + category;
            case FRESHNESS -> "new" + category + ", " + similarTo(profile.history, item, items);
            case CATEGORY, TIME_OF_DAY -> item.category == null ? "matches your tastes"
                    : "because you like " + item.category;
            case IMAGE -> {
                ItemVector source = mostSimilarRecent(profile.history, item, items);
                yield source == null ? "looks like what you chose" : "looks like " + source.title;
            }
            default -> similarTo(profile.history, item, items);
        };
    }

    private static String similarTo(UserHistory history, ItemVector item, Function<String, ItemVector> items) {
        int best = -1;
        float bestSim = -2f;
        ItemVector bestItem = null;
        for (int i = history.size() - 1; i >= 0 && i >= history.size() - LOOK_BACK; i--) {
            ItemVector other = items.apply(history.itemIds[i]);
            if (other == null || sameForTheReader(other, item)) {
                continue;
            }
            float sim = Vectors.dot(other.text, item.text);
            if (sim > bestSim) {
                bestSim = sim;
                best = i;
                bestItem = other;
            }
        }
        if (bestItem == null) {
            return "matches your tastes";
        }
        return "similar to " + bestItem.title + " you " + verb(history.typeAt(best));
    }

    private static ItemVector mostSimilarRecent(UserHistory history, ItemVector item,
            Function<String, ItemVector> items) {
        ItemVector best = null;
        float bestSim = -2f;
        for (int i = history.size() - 1; i >= 0 && i >= history.size() - LOOK_BACK; i--) {
            ItemVector other = items.apply(history.itemIds[i]);
            if (other != null && !sameForTheReader(other, item)) {
                float sim = Vectors.dot(other.text, item.text);
                if (sim > bestSim) {
                    bestSim = sim;
                    best = other;
                }
            }
        }
        return best;
    }

    /**
     * Whether citing {@code other} for {@code item} would read as the item citing itself: the same item, or
     * another one with the same title (catalogues repeat titles across sizes, colours and sellers).
     */
    private static boolean sameForTheReader(ItemVector other, ItemVector item) {
        return other.itemId.equals(item.itemId) || (other.title != null && other.title.equalsIgnoreCase(item.title));
    }

    private static String verb(EventType type) {
        return switch (type) {
            case PURCHASE -> "bought";
            case CLICK -> "opened";
            case REVIEW -> "reviewed";
            default -> "viewed";
        };
    }

    private static String clip(String query) {
        return query.length() <= 40 ? query : query.substring(0, 37) + "...";
    }
}
