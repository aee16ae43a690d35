package io.streamrec.testing;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Item;
import io.streamrec.avro.UserEvent;
import java.time.Instant;
import java.util.List;

/** Builders of valid records for tests. */
public final class TestEvents {
    /** A fixed event-time origin inside the accepted range. */
    public static final long T0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    private TestEvents() {}

    public static UserEvent event(String id, String user, EventType type, String item, long time) {
        return UserEvent.newBuilder()
                .setEventId(id)
                .setUserId(user)
                .setType(type)
                .setItemId(item)
                .setEventTime(Instant.ofEpochMilli(time))
                .build();
    }

    public static UserEvent search(String id, String user, String query, long time) {
        return UserEvent.newBuilder()
                .setEventId(id)
                .setUserId(user)
                .setType(EventType.SEARCH)
                .setText(query)
                .setEventTime(Instant.ofEpochMilli(time))
                .build();
    }

    public static Item item(String id, String title, String category) {
        return Item.newBuilder()
                .setItemId(id)
                .setTitle(title)
                .setDescription("About " + title)
                .setCategories(List.of(category))
                .setUpdatedAt(Instant.ofEpochMilli(T0))
                .build();
    }
}
