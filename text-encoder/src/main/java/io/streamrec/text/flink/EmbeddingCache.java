package io.streamrec.text.flink;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Least-recently-used embeddings by key (item id), one entry per key: a changed text is a miss and replaces
 * the old vector, so an item is encoded once per text version. Thread-safe.
 */
public final class EmbeddingCache {

    private record Entry(long textHash, int textLength, float[] vector) {}

    private final int maxEntries;
    private final Map<String, Entry> entries;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public EmbeddingCache(int maxEntries) {
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > EmbeddingCache.this.maxEntries;
            }
        };
    }

    public boolean enabled() {
        return maxEntries > 0;
    }

    /** A copy of the cached vector of this key and text, or null (counted as a miss). */
    public float[] get(String key, String text) {
        if (!enabled()) {
            return null;
        }
        Entry entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        if (entry != null && entry.textLength() == text.length() && entry.textHash() == hash(text)) {
            hits.increment();
            return entry.vector().clone();
        }
        misses.increment();
        return null;
    }

    public void put(String key, String text, float[] vector) {
        if (enabled()) {
            Entry entry = new Entry(hash(text), text.length(), vector.clone());
            synchronized (entries) {
                entries.put(key, entry);
            }
        }
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    /** Hits over lookups; 0 before the first lookup. */
    public double hitRatio() {
        long h = hits(), total = h + misses();
        return total == 0 ? 0.0 : (double) h / total;
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** 64-bit FNV-1a over the UTF-16 chars: only versions of the same key are compared, so 64 bits suffice. */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
