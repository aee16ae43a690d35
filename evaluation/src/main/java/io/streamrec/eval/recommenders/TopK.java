package io.streamrec.eval.recommenders;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/** The k best of many scored candidates by a bounded heap; ties go to the lower index, for determinism. */
final class TopK {
    private record Scored(int index, double score) {}

    private final int k;
    private final PriorityQueue<Scored> heap;

    TopK(int k) {
        this.k = k;
        // The worst kept candidate at the head: lowest score, and among equals the highest index.
        this.heap = new PriorityQueue<>(Math.max(1, k), (a, b) -> a.score != b.score
                ? Double.compare(a.score, b.score) : Integer.compare(b.index, a.index));
    }

    void offer(int index, double score) {
        if (k <= 0) {
            return;
        }
        if (heap.size() < k) {
            heap.add(new Scored(index, score));
            return;
        }
        Scored worst = heap.peek();
        if (score > worst.score || (score == worst.score && index < worst.index)) {
            heap.poll();
            heap.add(new Scored(index, score));
        }
    }

    /** Indexes, best first. */
    List<Integer> best() {
        List<Scored> all = new ArrayList<>(heap);
        all.sort((a, b) -> a.score != b.score ? Double.compare(b.score, a.score) : Integer.compare(a.index, b.index));
        List<Integer> indexes = new ArrayList<>(all.size());
        for (Scored s : all) {
            indexes.add(s.index);
        }
        return indexes;
    }
}
