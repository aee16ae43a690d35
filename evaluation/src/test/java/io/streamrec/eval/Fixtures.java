package io.streamrec.eval;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Item;
import io.streamrec.avro.UserEvent;
import java.time.Instant;
import java.util.List;

/** Small hand-made events and items for the tests. */
public final class Fixtures {
    /** 2024-01-01T00:00:00Z, in seconds. */
    public static final long T0 = 1_704_067_200L;

    private Fixtures() {}

    public static UserEvent event(String id, String user, EventType type, String item, long second) {
        return UserEvent.newBuilder()
                .setEventId(id)
                .setUserId(user)
                .setType(type)
                .setItemId(item)
                .setEventTime(Instant.ofEpochSecond(T0 + second))
                .build();
    }

    public static UserEvent view(String id, String user, String item, long second) {
        return event(id, user, EventType.VIEW, item, second);
    }

    public static UserEvent purchase(String id, String user, String item, long second) {
        return event(id, user, EventType.PURCHASE, item, second);
    }

    /** An item entering the catalogue at {@code second}. */
    public static Item item(String id, String category, long second) {
        return Item.newBuilder()
                .setItemId(id)
                .setTitle("Item " + id)
                .setDescription(null)
                .setCategories(List.of(category))
                .setUpdatedAt(Instant.ofEpochSecond(T0 + second))
                .build();
    }

    public static long millis(long second) {
        return (T0 + second) * 1000;
    }
}
