package io.streamrec.tools.data;

import io.streamrec.avro.Item;
import io.streamrec.avro.UserEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/** A dataset read from files: the catalogue in memory, the events in a compact {@link EventLog}. */
final class FileDataset implements Dataset {
    private final String description;
    private final List<Item> items;
    private final EventLog events;

    /** {@code events} must be sorted already; items are sorted here by the time they enter the catalogue. */
    FileDataset(String description, List<Item> items, EventLog events) {
        this.description = description;
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(Item::getUpdatedAt)); // List.sort is stable
        this.items = List.copyOf(sorted);
        this.events = events;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<Item> items() {
        return items;
    }

    @Override
    public long eventCount() {
        return events.size();
    }

    @Override
    public Iterator<UserEvent> events() {
        return events.iterator();
    }
}
