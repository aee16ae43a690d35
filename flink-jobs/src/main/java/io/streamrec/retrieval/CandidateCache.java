package io.streamrec.retrieval;

import io.streamrec.vectors.Vectors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The last retrieval per user on this subtask, reused while the user's fused vector has barely moved: the
 * nearest items to a vector at cosine ≥ {@code minCosine} from the one they were retrieved for are, all but a
 * few, the nearest items to it too, and every candidate is rescored by the current model anyway. Retrieval is
 * most of the model's cost per event, and consecutive events of one user (a session in one category) often
 * move the vector little.
 *
 * <p>Not state: after a restore or on another subtask the cache is empty and the next request retrieves. Any
 * change to the index (an item added, updated or removed) invalidates every entry, so new items are never
 * hidden behind an old retrieval. Bounded to {@code maxUsers} entries, least recently used first out. Not
 * thread-safe (one per subtask).
 */
public final class CandidateCache {
    private record Entry(float[] query, List<String> nearest, long indexVersion) {}

    private final float minCosine;
    private final Map<String, Entry> byUser;
    private long hits;
    private long misses;

    /** @param minCosine at or above 1 (or {@code maxUsers} 0) nothing is reused */
    public CandidateCache(int maxUsers, float minCosine) {
        if (maxUsers < 0) {
            throw new IllegalArgumentException("maxUsers must not be negative, got " + maxUsers);
        }
        this.minCosine = minCosine;
        this.byUser = new LinkedHashMap<>(Math.min(maxUsers, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxUsers;
            }
        };
    }

    /**
     * The {@code k} nearest items to {@code query} (unit length) without {@code excluded}: the user's last
     * retrieval when it is for the same index version and a query at cosine ≥ minCosine, else a fresh one.
     */
    public List<String> nearest(String user, float[] query, int k, Set<String> excluded, VectorIndex index,
            long indexVersion) {
        Entry last = user == null ? null : byUser.get(user);
        if (last != null && last.indexVersion == indexVersion && last.nearest.size() >= k
                && Vectors.dot(query, last.query) >= minCosine) {
            hits++;
            List<String> kept = new ArrayList<>(k);
            for (String id : last.nearest) {
                if (!excluded.contains(id)) {
                    kept.add(id);
                }
            }
            return kept;
        }
        misses++;
        List<String> fresh = index.topK(query, k, excluded::contains, excluded.size());
        if (user != null && minCosine < 1f) {
            byUser.put(user, new Entry(query, fresh, indexVersion));
        }
        return fresh;
    }

    /** Drops what is kept for {@code user} (a user who asked to be forgotten). */
    public void forget(String user) {
        byUser.remove(user);
    }

    public long hits() {
        return hits;
    }

    public long misses() {
        return misses;
    }

    public int size() {
        return byUser.size();
    }
}
