package io.streamrec.recommend;

import java.util.HashMap;
import java.util.Map;

/**
 * One item's co-occurrence neighbours, kept sorted by count (highest first) as they are counted: a bump
 * moves the neighbour up past those it now exceeds (a swap per block of equal counts). Readers then take the
 * strongest few and the maximum without sorting or scanning, which every ranking request does for each of
 * the user's recent items. Holds at most twice the retained size; beyond that the weakest are dropped.
 */
public final class Neighbours {
    private String[] ids = new String[4];
    private float[] counts = new float[4];
    private int size;
    private final Map<String, Integer> positions = new HashMap<>();

    public int size() {
        return size;
    }

    public String idAt(int i) {
        return ids[i];
    }

    /** The count at position {@code i}; positions are in descending count order. */
    public float countAt(int i) {
        return counts[i];
    }

    /** The highest count (0 when empty). */
    public float max() {
        return size == 0 ? 0f : counts[0];
    }

    /** The count of {@code id}, 0 when it is not a neighbour. */
    public float count(String id) {
        Integer p = positions.get(id);
        return p == null ? 0f : counts[p];
    }

    public boolean contains(String id) {
        return positions.containsKey(id);
    }

    /** Adds {@code weight} to {@code id}'s count; keeps the {@code keep} strongest when past twice that. */
    public void add(String id, float weight, int keep) {
        Integer p = positions.get(id);
        int at;
        if (p == null) {
            if (size == ids.length) {
                ids = java.util.Arrays.copyOf(ids, size * 2);
                counts = java.util.Arrays.copyOf(counts, size * 2);
            }
            at = size++;
            ids[at] = id;
            counts[at] = 0f;
        } else {
            at = p;
        }
        counts[at] += weight;
        float c = counts[at];
        // Move up past the neighbours now below it, a block of equal counts at a time: swapping with the
        // block's first keeps the order and costs two map updates, however long the block (counts of 1 are).
        while (at > 0 && counts[at - 1] < c) {
            float block = counts[at - 1];
            int first = at - 1;
            while (first > 0 && counts[first - 1] == block) {
                first--;
            }
            ids[at] = ids[first];
            counts[at] = block;
            positions.put(ids[at], at);
            ids[first] = id;
            counts[first] = c;
            at = first;
        }
        positions.put(id, at);
        if (size > 2 * keep) {
            truncate(keep);
        }
    }

    private void truncate(int keep) {
        for (int i = keep; i < size; i++) {
            positions.remove(ids[i]);
            ids[i] = null;
        }
        size = keep;
    }

    /** A copy as a map (id to count), e.g. for tests and diagnostics. */
    public Map<String, Float> toMap() {
        Map<String, Float> out = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            out.put(ids[i], counts[i]);
        }
        return out;
    }
}
