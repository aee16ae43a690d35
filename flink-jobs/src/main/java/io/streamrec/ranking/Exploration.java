package io.streamrec.ranking;

import io.streamrec.state.ItemVector;
import java.io.Serializable;

/**
 * Exposure for new items. A new item that matches a user's text profile competes against items that
 * already have popularity and co-occurrence, which it cannot have yet; without exposure nobody takes it
 * and it never earns them. So up to {@code slots} places of each recommendation go to the best-scoring
 * retrieved item that is fresh (catalogue record younger than {@code windowMillis} at the request's time)
 * and not yet taken here (decayed popularity below one view), placed no lower than {@code rank}. What
 * users do with it is labelled like any other shown item, so learning decides whether it stays.
 */
public record Exploration(int slots, int rank, long windowMillis) implements Serializable {
    /** No reserved places: the order is the ranker's alone. */
    public static final Exploration NONE = new Exploration(0, 1, 0);

    /** Below this decayed popularity (one view counts 1) an item counts as not yet taken. */
    static final double TAKEN_POPULARITY = 1.0;

    public Exploration {
        if (slots < 0 || rank < 1 || windowMillis < 0) {
            throw new IllegalArgumentException("exploration needs slots >= 0, rank >= 1 and a window >= 0, got "
                    + slots + ", " + rank + ", " + windowMillis + " ms");
        }
    }

    boolean fresh(ItemVector item, double popularity, long now) {
        return recent(item, now) && popularity < TAKEN_POPULARITY;
    }

    /** The part of {@link #fresh} that needs no lookup: the catalogue record is within the window. */
    boolean recent(ItemVector item, long now) {
        return now - item.updatedAt <= windowMillis;
    }
}
