package io.streamrec.state;

/**
 * The positions of the {@code k} largest values, largest first, ties by lower position first (the order a
 * stable descending sort gives), with a bounded heap of primitive ints: O(n log k), no boxing.
 */
public final class LargestValues {
    private LargestValues() {}

    public static int[] indexes(double[] values, int k) {
        int keep = Math.min(k, values.length);
        int[] heap = new int[Math.max(0, keep)]; // the worst kept on top
        int size = 0;
        for (int j = 0; j < values.length && keep > 0; j++) {
            if (size < keep) {
                heap[size] = j;
                siftUp(heap, size++, values);
            } else if (worse(heap[0], j, values)) {
                heap[0] = j;
                siftDown(heap, size, values);
            }
        }
        int[] best = new int[size];
        for (int j = size - 1; j >= 0; j--) {
            best[j] = heap[0];
            heap[0] = heap[--size];
            siftDown(heap, size, values);
        }
        return best;
    }

    /** Whether position {@code a} ranks below position {@code b}. */
    private static boolean worse(int a, int b, double[] v) {
        return v[a] < v[b] || (v[a] == v[b] && a > b);
    }

    private static void siftUp(int[] heap, int at, double[] v) {
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!worse(heap[at], heap[parent], v)) {
                return;
            }
            int t = heap[at];
            heap[at] = heap[parent];
            heap[parent] = t;
            at = parent;
        }
    }

    private static void siftDown(int[] heap, int size, double[] v) {
        int at = 0;
        while (true) {
            int left = 2 * at + 1;
            if (left >= size) {
                return;
            }
            int child = left + 1 < size && worse(heap[left + 1], heap[left], v) ? left + 1 : left;
            if (!worse(heap[child], heap[at], v)) {
                return;
            }
            int t = heap[at];
            heap[at] = heap[child];
            heap[child] = t;
            at = child;
        }
    }
}
