package io.streamrec.eval.recommenders;

import java.util.Arrays;

/**
 * int to float, open addressing: the co-occurrence counts hold millions of pairs on MovieLens, where
 * boxed maps would cost several times the memory.
 */
final class IntFloatMap {
    private static final int EMPTY = -1;

    private int[] keys = new int[8];
    private float[] values = new float[8];
    private int size;

    IntFloatMap() {
        Arrays.fill(keys, EMPTY);
    }

    void add(int key, float delta) {
        if (key < 0) {
            throw new IllegalArgumentException("keys must not be negative: " + key);
        }
        if ((size + 1) * 4 > keys.length * 3) {
            grow();
        }
        int slot = slotOf(key, keys);
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            size++;
        }
        values[slot] += delta;
    }

    int size() {
        return size;
    }

    /** Calls {@code visitor} for every entry, in no particular order. */
    void forEach(Visitor visitor) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                visitor.visit(keys[i], values[i]);
            }
        }
    }

    interface Visitor {
        void visit(int key, float value);
    }

    private static int slotOf(int key, int[] table) {
        int mask = table.length - 1;
        int slot = (key * 0x9E3779B9) >>> 7 & mask;
        while (table[slot] != EMPTY && table[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        int[] oldKeys = keys;
        float[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new float[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slotOf(oldKeys[i], keys);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }
}
