package io.streamrec.tools.data;

import io.streamrec.avro.EventContext;
import io.streamrec.avro.EventType;
import io.streamrec.avro.Item;
import io.streamrec.avro.UserEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * An endless, deterministic stream of user events built from sessions: several users are active at
 * once, each session browses one focus category (a liked one 85 % of the time), clicks and buys
 * what it viewed, and sometimes searches (words of a liked category) or reviews a recently seen item
 * (positive when the user likes the item's category). Event times strictly increase with
 * exponential gaps (mean 1.5 s); ids are syn-00000000, syn-00000001, ...
 */
final class SyntheticEventGenerator implements Iterator<UserEvent> {
    private static final double MEAN_GAP_MILLIS = 1500;
    private static final double LIKED_FOCUS = 0.85;
    private static final int RECENT_ITEMS = 5;

    private final SplittableRandom random;
    private final List<UserTaste> users;
    private final Map<String, List<Item>> itemsByCategory = new HashMap<>();
    private final Map<String, Category> categories = new HashMap<>();
    private final List<Category> categoryList;
    private final List<Session> sessions = new ArrayList<>();
    private final Set<String> activeUsers = new HashSet<>();
    private final int concurrentSessions;
    private long timeMillis;
    private long sequence;
    private long sessionSequence;

    SyntheticEventGenerator(long seed, List<Item> items, List<UserTaste> users, List<Category> categoryList,
            Instant start) {
        if (users.isEmpty()) {
            throw new IllegalArgumentException("at least one user is needed");
        }
        this.random = new SplittableRandom(seed ^ 0x6576_656e_7473L);
        this.users = List.copyOf(users);
        this.categoryList = List.copyOf(categoryList);
        for (Category c : categoryList) {
            categories.put(c.name(), c);
        }
        for (Item item : items) {
            itemsByCategory.computeIfAbsent(CatalogueGenerator.categoryOf(item), k -> new ArrayList<>()).add(item);
        }
        this.concurrentSessions = Math.max(1, Math.min(25, users.size() / 4));
        this.timeMillis = start.toEpochMilli();
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public UserEvent next() {
        timeMillis += 1 + (long) (-Math.log(1 - random.nextDouble()) * MEAN_GAP_MILLIS);
        while (sessions.size() < concurrentSessions || random.nextDouble() < 0.02) {
            startSession();
        }
        Session session = sessions.get(random.nextInt(sessions.size()));
        UserEvent event = eventOf(session);
        if (--session.remaining <= 0) {
            sessions.remove(session);
            activeUsers.remove(session.user.userId());
        }
        return event;
    }

    private UserEvent eventOf(Session session) {
        double r = random.nextDouble();
        if (r < 0.04) {
            Category liked = categories.get(Category.pick(session.user.likedCategories(), random));
            session.focus = liked;
            return event(session, EventType.SEARCH, null, TextTemplates.searchQuery(liked, random), null);
        }
        if (r < 0.07 && !session.recent.isEmpty()) {
            Item item = recentItem(session);
            Category category = categories.get(CatalogueGenerator.categoryOf(item));
            boolean positive = session.user.likes(category.name());
            return event(session, EventType.REVIEW, item.getItemId(), TextTemplates.review(category, positive, random),
                    TextTemplates.rating(positive, random));
        }
        if (r < 0.32 && !session.recent.isEmpty()) {
            // Clicks and purchases mostly follow what the session viewed.
            Item item = random.nextDouble() < 0.8 ? recentItem(session) : popularItem(session.focus);
            EventType type = r < 0.25 ? EventType.CLICK : EventType.PURCHASE;
            return event(session, type, item.getItemId(), null, null);
        }
        // Browsing outside the user's taste is brief: such a focus is left three times as often.
        if (random.nextDouble() < (session.user.likes(session.focus.name()) ? 0.1 : 0.3)) {
            session.focus = chooseFocus(session.user);
        }
        Item viewed = popularItem(session.focus);
        session.recent.addFirst(viewed);
        if (session.recent.size() > RECENT_ITEMS) {
            session.recent.removeLast();
        }
        return event(session, EventType.VIEW, viewed.getItemId(), null, null);
    }

    private UserEvent event(Session session, EventType type, String itemId, String text, Float rating) {
        return UserEvent.newBuilder()
                .setEventId(String.format(Locale.ROOT, "syn-%08d", sequence++))
                .setUserId(session.user.userId())
                .setType(type)
                .setItemId(itemId)
                .setEventTime(Instant.ofEpochMilli(timeMillis))
                .setContext(session.context == null ? null : EventContext.newBuilder(session.context).build())
                .setText(text)
                .setRating(rating)
                .setRecommendationId(null)
                .build();
    }

    private void startSession() {
        UserTaste user = Category.pick(users, random);
        for (int tries = 0; tries < 10 && activeUsers.contains(user.userId()); tries++) {
            user = Category.pick(users, random);
        }
        if (activeUsers.contains(user.userId())) {
            // Every candidate is busy (tiny user counts): let the current sessions go on.
            if (!sessions.isEmpty()) {
                return;
            }
        }
        String sessionId = "s-" + user.userId() + "-" + sessionSequence++;
        Session session = new Session(user, chooseFocus(user), contextFor(user, sessionId), 3 + geometric(12));
        sessions.add(session);
        activeUsers.add(user.userId());
    }

    /** Context is reported by 60 % of sessions, and then not always complete. */
    private EventContext contextFor(UserTaste user, String sessionId) {
        if (random.nextDouble() >= 0.6) {
            return null;
        }
        return EventContext.newBuilder()
                .setDevice(random.nextDouble() < 0.9 ? user.device() : null)
                .setSessionId(sessionId)
                .setLocale(random.nextDouble() < 0.8 ? user.locale() : null)
                .build();
    }

    private Category chooseFocus(UserTaste user) {
        if (random.nextDouble() < LIKED_FOCUS) {
            return categories.get(Category.pick(user.likedCategories(), random));
        }
        return Category.pick(categoryList, random);
    }

    /** Skewed towards the first items of a category, so some items are much more popular than others. */
    private Item popularItem(Category category) {
        List<Item> items = itemsByCategory.get(category.name());
        if (items == null || items.isEmpty()) {
            throw new IllegalStateException("the catalogue has no item in category " + category.name());
        }
        double u = random.nextDouble();
        return items.get((int) (items.size() * u * u));
    }

    private Item recentItem(Session session) {
        return Category.pick(List.copyOf(session.recent), random);
    }

    private int geometric(double mean) {
        return (int) (-Math.log(1 - random.nextDouble()) * mean);
    }

    private static final class Session {
        final UserTaste user;
        final EventContext context;
        final Deque<Item> recent = new ArrayDeque<>();
        Category focus;
        int remaining;

        Session(UserTaste user, Category focus, EventContext context, int length) {
            this.user = user;
            this.focus = focus;
            this.context = context;
            this.remaining = length;
        }
    }
}
