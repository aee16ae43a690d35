package io.streamrec.state;

import java.util.Arrays;

/**
 * One item's co-occurrence neighbours as item ordinals ({@link ItemStats#ordinal}), kept sorted by count
 * (highest first) as they are counted: a bump moves the neighbour up past those it now exceeds (a swap per
 * block of equal counts). Readers then take the strongest few and the maximum without sorting, which every
 * ranking request does for each of the user's recent items. Holds at most twice the retained size; beyond
 * that the weakest are dropped. Lookups scan the (at most a few hundred) ints: no hashing, no boxing.
 */
public final class Neighbours {
    private int[] ordinals = new int[4];
    private float[] counts = new float[4];
    private int size;

    public int size() {
        return size;
    }

    /** The ordinal at position {@code i}; positions are in descending count order. */
    public int ordinalAt(int i) {
        return ordinals[i];
    }

    public float countAt(int i) {
        return counts[i];
    }

    /** The highest count (0 when empty). */
    public float max() {
        return size == 0 ? 0f : counts[0];
    }

    /** The count of {@code ordinal}, 0 when it is not a neighbour. */
    public float count(int ordinal) {
        int p = position(ordinal);
        return p < 0 ? 0f : counts[p];
    }

    private int position(int ordinal) {
        for (int i = 0; i < size; i++) {
            if (ordinals[i] == ordinal) {
                return i;
            }
        }
        return -1;
    }

    /** Adds {@code weight} to {@code ordinal}'s count; keeps the {@code keep} strongest when past twice that. */
    public void add(int ordinal, float weight, int keep) {
        int at = position(ordinal);
        if (at < 0) {
            if (size == ordinals.length) {
                ordinals = Arrays.copyOf(ordinals, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            at = size++;
            ordinals[at] = ordinal;
            counts[at] = 0f;
        }
        counts[at] += weight;
        float c = counts[at];
        while (at > 0 && counts[at - 1] < c) {
            float block = counts[at - 1];
            int first = at - 1;
            while (first > 0 && counts[first - 1] == block) {
                first--;
            }
            ordinals[at] = ordinals[first];
            counts[at] = block;
            ordinals[first] = ordinal;
            counts[first] = c;
            at = first;
        }
        if (size > 2 * keep) {
            size = keep;
        }
    }
}
