package io.streamrec.eval.protocol;

import io.streamrec.avro.Item;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The catalogue as it grows: items enter at their {@code updated_at}, in that order. */
final class CatalogueFeed {
    private final List<Item> items;
    private final Set<String> present = new HashSet<>();
    private int next;

    /** {@code items} sorted by {@code updated_at}, as {@code Dataset.items()} gives them. */
    CatalogueFeed(List<Item> items) {
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort((a, b) -> a.getUpdatedAt().compareTo(b.getUpdatedAt()));
        this.items = sorted;
    }

    /** The items (new ones and new versions) that have entered by {@code timeMillis} and were not given out yet. */
    List<Item> dueBy(long timeMillis) {
        List<Item> due = new ArrayList<>();
        while (next < items.size() && items.get(next).getUpdatedAt().toEpochMilli() <= timeMillis) {
            Item item = items.get(next++);
            present.add(item.getItemId());
            due.add(item);
        }
        return due;
    }

    boolean contains(String itemId) {
        return present.contains(itemId);
    }

    int size() {
        return present.size();
    }
}
