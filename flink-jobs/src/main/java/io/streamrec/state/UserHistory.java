package io.streamrec.state;

import io.streamrec.avro.EventType;
import java.util.ArrayList;
import java.util.Arrays;
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
    /**
     * Ring of 64-bit hashes of recent event ids, to reject duplicates: 8 bytes per id instead of a 36-character
     * string, read and written with the rest on every event. Two of a user's last few dozen ids share a hash
     * with odds of about 2^-58.
     */
    public long[] recentEventHashes = new long[0];
    public int eventIdCursor;
    public long lastRecommendedAt = Long.MIN_VALUE;
    public long lastEventTime = Long.MIN_VALUE;
    public String lastQuery;
    /** The last list served to the user, best first, and its event time (to score what they take next). */
    public String[] servedItems = new String[0];
    public long servedAt = Long.MIN_VALUE;

    public UserHistory() {}

    /** Keeps {@code items} as the list the user was served at {@code time}. */
    public void served(String[] items, long time) {
        servedItems = items;
        servedAt = time;
    }

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
        long hash = hash64(eventId);
        for (long h : hashes()) {
            if (h == hash) {
                return true;
            }
        }
        return false;
    }

    public void rememberEvent(String eventId, int window) {
        if (window <= 0) {
            return;
        }
        long hash = hash64(eventId);
        if (hashes().length < window) {
            long[] grown = Arrays.copyOf(recentEventHashes, recentEventHashes.length + 1);
            grown[recentEventHashes.length] = hash;
            recentEventHashes = grown;
            eventIdCursor = grown.length % window;
        } else {
            recentEventHashes[eventIdCursor] = hash;
            eventIdCursor = (eventIdCursor + 1) % recentEventHashes.length;
        }
    }

    /** The ring; empty (not null) for state restored from before the ring held hashes. */
    private long[] hashes() {
        if (recentEventHashes == null) {
            recentEventHashes = new long[0];
            eventIdCursor = 0;
        }
        return recentEventHashes;
    }

    /** FNV-1a over the UTF-16 code units, then a 64-bit finaliser (murmur3's fmix64) to spread the bits. */
    static long hash64(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** Up to {@code k} distinct item ids, most recent first. */
    public List<String> recentDistinctItems(int k) {
        // k is small (the co-occurrence window): a scan of the few kept beats hashing every id.
        List<String> recent = new ArrayList<>(Math.min(k, itemIds.length));
        for (int i = itemIds.length - 1; i >= 0 && recent.size() < k; i--) {
            if (!recent.contains(itemIds[i])) {
                recent.add(itemIds[i]);
            }
        }
        return recent;
    }

    /** Whether {@code itemId} is among the kept interactions. */
    public boolean contains(String itemId) {
        for (int i = itemIds.length - 1; i >= 0; i--) {
            if (itemId.equals(itemIds[i])) {
                return true;
            }
        }
        return false;
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
