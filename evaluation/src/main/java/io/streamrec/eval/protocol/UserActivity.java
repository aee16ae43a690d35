package io.streamrec.eval.protocol;

import io.streamrec.avro.UserEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What the replay itself knows of the past: each user's events and items, each item's interactions. */
final class UserActivity {
    private final Map<String, Integer> eventsByUser = new HashMap<>();
    private final Map<String, Set<String>> itemsByUser = new HashMap<>();
    private final Map<String, Integer> interactionsByItem = new HashMap<>();

    void record(UserEvent event) {
        eventsByUser.merge(event.getUserId(), 1, Integer::sum);
        if (event.getItemId() != null) {
            itemsByUser.computeIfAbsent(event.getUserId(), u -> new HashSet<>()).add(event.getItemId());
            interactionsByItem.merge(event.getItemId(), 1, Integer::sum);
        }
    }

    int eventsOf(String userId) {
        return eventsByUser.getOrDefault(userId, 0);
    }

    Set<String> itemsOf(String userId) {
        return itemsByUser.getOrDefault(userId, Set.of());
    }

    int interactionsWith(String itemId) {
        return interactionsByItem.getOrDefault(itemId, 0);
    }
}
