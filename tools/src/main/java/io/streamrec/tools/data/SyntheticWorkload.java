package io.streamrec.tools.data;

import io.streamrec.avro.Item;
import io.streamrec.avro.UserEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The synthetic workload for a seed: a catalogue ({@link CatalogueGenerator}), users with planted
 * tastes ({@link UserTasteGenerator}) and their events. Everything is deterministic for the seed and
 * settings; events start at {@link #DEFAULT_START} unless told otherwise.
 */
public final class SyntheticWorkload {
    public static final Instant DEFAULT_START = Instant.parse("2024-01-01T00:00:00Z");
    public static final int DEFAULT_ITEMS = 2000;
    public static final int DEFAULT_USERS = 500;

    private final long seed;
    private final Instant start;
    private final List<Item> items;
    private final List<UserTaste> users;

    public SyntheticWorkload(long seed) {
        this(seed, DEFAULT_ITEMS, DEFAULT_USERS, DEFAULT_START);
    }

    public SyntheticWorkload(long seed, int itemCount, int userCount, Instant start) {
        if (userCount < 1) {
            throw new IllegalArgumentException("at least one user is needed, asked for " + userCount);
        }
        this.seed = seed;
        this.start = start;
        this.items = List.copyOf(new CatalogueGenerator(seed).generate(itemCount, start));
        this.users = List.copyOf(new UserTasteGenerator(seed).generate(userCount));
    }

    public long seed() {
        return seed;
    }

    /** The catalogue, all updated before the first event. */
    public List<Item> items() {
        return items;
    }

    public List<UserTaste> users() {
        return users;
    }

    /** The planted tastes: user id to liked categories, in user order. */
    public Map<String, List<String>> likedCategories() {
        Map<String, List<String>> tastes = new LinkedHashMap<>();
        for (UserTaste user : users) {
            tastes.put(user.userId(), user.likedCategories());
        }
        return tastes;
    }

    /** The endless event stream; every call yields the same sequence. */
    public Iterator<UserEvent> events() {
        return new SyntheticEventGenerator(seed, items, users, Categories.ALL, start);
    }

    /** The first {@code count} events. */
    public List<UserEvent> events(int count) {
        List<UserEvent> events = new ArrayList<>(count);
        Iterator<UserEvent> it = events();
        for (int i = 0; i < count; i++) {
            events.add(it.next());
        }
        return events;
    }

    /** This workload with its first {@code eventCount} events as a {@link Dataset}. */
    public Dataset asDataset(long eventCount) {
        if (eventCount < 0) {
            throw new IllegalArgumentException("event count must not be negative: " + eventCount);
        }
        List<Item> sortedItems = new ArrayList<>(items);
        sortedItems.sort(java.util.Comparator.comparing(Item::getUpdatedAt));
        List<Item> catalogue = List.copyOf(sortedItems);
        return new Dataset() {
            @Override
            public String description() {
                return "synthetic seed=" + seed + " items=" + items.size() + " users=" + users.size();
            }

            @Override
            public List<Item> items() {
                return catalogue;
            }

            @Override
            public long eventCount() {
                return eventCount;
            }

            @Override
            public Iterator<UserEvent> events() {
                Iterator<UserEvent> all = SyntheticWorkload.this.events();
                return new Iterator<>() {
                    private long left = eventCount;

                    @Override
                    public boolean hasNext() {
                        return left > 0;
                    }

                    @Override
                    public UserEvent next() {
                        if (left-- <= 0) {
                            throw new java.util.NoSuchElementException();
                        }
                        return all.next();
                    }
                };
            }
        };
    }
}
