package io.streamrec.tools.data;

import io.streamrec.avro.EventType;
import io.streamrec.avro.UserEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The events of a file dataset held column-wise (primitive arrays, user and item ids stored once)
 * and sorted by time, stably. Events become {@link UserEvent} objects only while iterating, so
 * 100k ratings cost a few megabytes rather than a list of records.
 */
final class EventLog {
    private static final EventType[] TYPES = EventType.values();

    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> nameIndex = new HashMap<>();
    private String[] ids = new String[1024];
    private long[] times = new long[1024];
    private int[] users = new int[1024];
    private int[] items = new int[1024];
    private byte[] types = new byte[1024];
    private float[] ratings = new float[1024];
    private String[] texts = new String[1024];
    private int size;

    /** Appends one event; {@code itemId}, {@code text} and {@code rating} may be null. */
    void add(String eventId, String userId, EventType type, String itemId, long timeMillis, String text,
            Float rating) {
        if (size == times.length) {
            grow();
        }
        ids[size] = eventId;
        times[size] = timeMillis;
        users[size] = intern(userId);
        items[size] = itemId == null ? -1 : intern(itemId);
        types[size] = (byte) type.ordinal();
        ratings[size] = rating == null ? Float.NaN : rating;
        texts[size] = text;
        size++;
    }

    int size() {
        return size;
    }

    /** Time of the earliest event, or {@code fallback} when there is none; call after {@link #sortByTime()}. */
    long firstTime(long fallback) {
        return size == 0 ? fallback : times[0];
    }

    /** Sorts by time, keeping the order of the files for events of the same time. */
    void sortByTime() {
        boolean sorted = true;
        for (int i = 1; i < size && sorted; i++) {
            sorted = times[i - 1] <= times[i];
        }
        if (sorted) {
            return;
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(times[a], times[b])); // TimSort: stable
        ids = permute(ids, order, new String[size]);
        texts = permute(texts, order, new String[size]);
        long[] t = new long[size];
        int[] u = new int[size];
        int[] it = new int[size];
        byte[] ty = new byte[size];
        float[] r = new float[size];
        for (int i = 0; i < size; i++) {
            int from = order[i];
            t[i] = times[from];
            u[i] = users[from];
            it[i] = items[from];
            ty[i] = types[from];
            r[i] = ratings[from];
        }
        times = t;
        users = u;
        items = it;
        types = ty;
        ratings = r;
    }

    Iterator<UserEvent> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public UserEvent next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                return event(next++);
            }
        };
    }

    private UserEvent event(int i) {
        return UserEvent.newBuilder()
                .setEventId(ids[i])
                .setUserId(names.get(users[i]))
                .setType(TYPES[types[i]])
                .setItemId(items[i] < 0 ? null : names.get(items[i]))
                .setEventTime(Instant.ofEpochMilli(times[i]))
                .setContext(null)
                .setText(texts[i])
                .setRating(Float.isNaN(ratings[i]) ? null : ratings[i])
                .setRecommendationId(null)
                .build();
    }

    private int intern(String name) {
        Integer index = nameIndex.get(name);
        if (index == null) {
            index = names.size();
            names.add(name);
            nameIndex.put(name, index);
        }
        return index;
    }

    private static String[] permute(String[] values, Integer[] order, String[] into) {
        for (int i = 0; i < into.length; i++) {
            into[i] = values[order[i]];
        }
        return into;
    }

    private void grow() {
        int capacity = times.length * 2;
        ids = Arrays.copyOf(ids, capacity);
        times = Arrays.copyOf(times, capacity);
        users = Arrays.copyOf(users, capacity);
        items = Arrays.copyOf(items, capacity);
        types = Arrays.copyOf(types, capacity);
        ratings = Arrays.copyOf(ratings, capacity);
        texts = Arrays.copyOf(texts, capacity);
    }
}
