package io.streamrec.tools.data;

import java.util.List;

/**
 * A synthetic user's planted taste: the categories the user prefers (1 to 3, most events fall in
 * them) and the device and locale the user's sessions usually report.
 */
public record UserTaste(String userId, List<String> likedCategories, String device, String locale) {
    public UserTaste {
        likedCategories = List.copyOf(likedCategories);
    }

    public boolean likes(String category) {
        return likedCategories.contains(category);
    }
}
