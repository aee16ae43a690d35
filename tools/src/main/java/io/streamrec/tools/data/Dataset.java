package io.streamrec.tools.data;

import io.streamrec.avro.Item;
import io.streamrec.avro.UserEvent;
import java.util.Iterator;
import java.util.List;

/**
 * A catalogue and a finite stream of user events, whatever their origin (synthetic generator,
 * MovieLens, generic CSV files).
 */
public interface Dataset {

    /** Where the data comes from, for log lines, e.g. {@code movielens-latest /data/ml-latest-small}. */
    String description();

    /**
     * The catalogue in the order items enter it: sorted by {@code updated_at} (the item's creation
     * time in the source), ties in source order.
     */
    List<Item> items();

    /** Number of events {@link #events()} yields. */
    long eventCount();

    /** The events in time order (ties in source order); each call starts again from the first event. */
    Iterator<UserEvent> events();
}
