package io.streamrec.user;

import io.streamrec.avro.EventType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A user's recent interactions, kept as one compact value per user (parallel arrays, oldest first)
 * so that RocksDB reads and writes one small blob per event instead of a growing list.
 */
public class UserHistory {
    public String[] itemIds = new String[0];
    public byte[] types = new byte[0];
    public long[] times = new long[0];
    /** Ring of recent event ids, to reject duplicates. */
    public String[] recentEventIds = new String[0];
    public int eventIdCursor;
    public long lastRecommendedAt = Long.MIN_VALUE;
    public long lastEventTime = Long.MIN_VALUE;
    public String lastQuery;

    public UserHistory() {}

    public int size() {
        return itemIds.length;
    }

    /** Appends an interaction, dropping the oldest beyond {@code maxLength}. */
    public void add(String itemId, EventType type, long time, int maxLength) {
        int keep = Math.min(itemIds.length, maxLength - 1);
        int from = itemIds.length - keep;
        String[] ids = new String[keep + 1];
        byte[] ts = new byte[keep + 1];
        long[] tm = new long[keep + 1];
        System.arraycopy(itemIds, from, ids, 0, keep);
        System.arraycopy(types, from, ts, 0, keep);
        System.arraycopy(times, from, tm, 0, keep);
        ids[keep] = itemId;
        ts[keep] = (byte) type.ordinal();
        tm[keep] = time;
        itemIds = ids;
        types = ts;
        times = tm;
    }

    /**
     * True when an event at {@code time} earns a recommendation: always with no minimum interval, else
     * when the interval has passed since the last one (events from other topics may arrive out of time
     * order; a late one does not trigger).
     */
    public boolean dueForRecommendation(long time, long minIntervalMillis) {
        return minIntervalMillis <= 0 || lastRecommendedAt == Long.MIN_VALUE
                || time - lastRecommendedAt >= minIntervalMillis;
    }

    public EventType typeAt(int i) {
        return EventType.values()[types[i]];
    }

    /** True when {@code eventId} was seen among the last {@code window} events. */
    public boolean seenEvent(String eventId) {
        for (String id : recentEventIds) {
            if (eventId.equals(id)) {
                return true;
            }
        }
        return false;
    }

    public void rememberEvent(String eventId, int window) {
        if (window <= 0) {
            return;
        }
        if (recentEventIds.length < window) {
            String[] grown = new String[recentEventIds.length + 1];
            System.arraycopy(recentEventIds, 0, grown, 0, recentEventIds.length);
            grown[recentEventIds.length] = eventId;
            recentEventIds = grown;
            eventIdCursor = grown.length % window;
        } else {
            recentEventIds[eventIdCursor] = eventId;
            eventIdCursor = (eventIdCursor + 1) % recentEventIds.length;
        }
    }

    /** Up to {@code k} distinct item ids, most recent first. */
    public List<String> recentDistinctItems(int k) {
        Set<String> seen = new LinkedHashSet<>();
        for (int i = itemIds.length - 1; i >= 0 && seen.size() < k; i--) {
            seen.add(itemIds[i]);
        }
        return new ArrayList<>(seen);
    }

    public Set<String> purchasedItems() {
        Set<String> result = new LinkedHashSet<>();
        for (int i = 0; i < itemIds.length; i++) {
            if (types[i] == EventType.PURCHASE.ordinal()) {
                result.add(itemIds[i]);
            }
        }
        return result;
    }

    public Set<String> allItems() {
        return new LinkedHashSet<>(List.of(itemIds));
    }
}
