package io.streamrec.ranking;

import io.streamrec.state.ItemStats;
import io.streamrec.state.LargestValues;
import io.streamrec.state.Neighbours;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Co-occurrence scores of one request, by item ordinal: for each of the user's recent items (more recent
 * weigh more) its neighbours' counts relative to its strongest. A sparse accumulator
 * reused across requests: arrays indexed by ordinal, stamped with the request's generation, so a request
 * costs the neighbours it touches and nothing per catalogue item. Not thread-safe (one per operator).
 */
public final class CoOccurrenceScores {
    private float[] scores = new float[1024];
    private int[] bestSource = new int[1024];
    private float[] bestSourceScore = new float[1024];
    private int[] stamp = new int[1024];
    private int[] index = new int[1024];
    private int generation;
    private int[] touched = new int[256];
    private int touchedCount;

    /** Computes the scores from the {@code perSource} strongest neighbours of each of {@code recent}. */
    public void compute(ItemStats stats, List<String> recent, int perSource) {
        compute(stats, recent, perSource, 1.0);
    }

    /**
     * As above, the {@code i}-th most recent item (0 = the latest) weighing {@code (1 + i)^-recencyExponent}:
     * 1 gives 1, 1/2, 1/3, ...; smaller exponents let older items count for more.
     */
    public void compute(ItemStats stats, List<String> recent, int perSource, double recencyExponent) {
        compute(stats, recent, perSource, recencyExponent, 0f);
    }

    /**
     * As above, plus {@code transitionWeight} times each recent item's successors ({@link ItemStats#successors}),
     * relative to its strongest: what users took next after it, beside what they took with it.
     */
    public void compute(ItemStats stats, List<String> recent, int perSource, double recencyExponent,
            float transitionWeight) {
        if (++generation == Integer.MAX_VALUE) {
            Arrays.fill(stamp, 0);
            generation = 1;
        }
        touchedCount = 0;
        for (int i = 0; i < recent.size(); i++) {
            int source = stats.ordinal(recent.get(i));
            if (source < 0) {
                continue;
            }
            Neighbours neighbours = stats.neighbours(source);
            float max = neighbours.max();
            if (max == 0f) {
                continue;
            }
            float recency = recencyExponent == 1.0 ? 1f / (1 + i) : (float) Math.pow(1 + i, -recencyExponent);
            for (int j = 0, n = Math.min(neighbours.size(), perSource); j < n; j++) {
                add(neighbours.ordinalAt(j), recency * neighbours.countAt(j) / max, source);
            }
            Neighbours successors = transitionWeight > 0f ? stats.successors(source) : null;
            if (successors != null && successors.max() > 0f) {
                float scale = transitionWeight * recency / successors.max();
                for (int j = 0, n = Math.min(successors.size(), perSource); j < n; j++) {
                    add(successors.ordinalAt(j), scale * successors.countAt(j), source);
                }
            }
        }
    }

    private void add(int ordinal, float s, int source) {
        if (ordinal >= stamp.length) {
            int size = Math.max(ordinal + 1, stamp.length * 2);
            scores = Arrays.copyOf(scores, size);
            bestSource = Arrays.copyOf(bestSource, size);
            bestSourceScore = Arrays.copyOf(bestSourceScore, size);
            stamp = Arrays.copyOf(stamp, size);
            index = Arrays.copyOf(index, size);
        }
        if (stamp[ordinal] != generation) {
            stamp[ordinal] = generation;
            scores[ordinal] = 0f;
            bestSourceScore[ordinal] = -1f;
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, touchedCount * 2);
            }
            index[ordinal] = touchedCount;
            touched[touchedCount++] = ordinal;
        }
        scores[ordinal] += s;
        if (s > bestSourceScore[ordinal]) {
            bestSourceScore[ordinal] = s;
            bestSource[ordinal] = source;
        }
    }

    /** The summed score of {@code ordinal} (0 when no recent item has it as a neighbour, or ordinal < 0). */
    public float score(int ordinal) {
        return ordinal >= 0 && ordinal < stamp.length && stamp[ordinal] == generation ? scores[ordinal] : 0f;
    }

    /** The recent item that contributed most to {@code ordinal}'s score; -1 when none did. */
    public int bestSource(int ordinal) {
        return ordinal >= 0 && ordinal < stamp.length && stamp[ordinal] == generation ? bestSource[ordinal] : -1;
    }

    /** The position of {@code ordinal} among the items with a score ({@link #ordinalAt}); -1 when it has none. */
    public int indexOf(int ordinal) {
        return ordinal >= 0 && ordinal < stamp.length && stamp[ordinal] == generation ? index[ordinal] : -1;
    }

    /** The highest summed score of this request (0 when no item has one). */
    public float maxScore() {
        float max = 0f;
        for (int i = 0; i < touchedCount; i++) {
            max = Math.max(max, scores[touched[i]]);
        }
        return max;
    }

    /** How many items have a score. */
    public int size() {
        return touchedCount;
    }

    /** The ordinals of the {@code k} highest scores, highest first (ties: first touched first). */
    public int[] strongest(int k) {
        return strongest(k, ordinal -> false);
    }

    /**
     * As above, leaving out the ordinals {@code skip} accepts (the items a list may not hold), so that none of
     * the {@code k} places goes to an item the list would drop.
     */
    public int[] strongest(int k, IntPredicate skip) {
        double[] values = new double[touchedCount];
        int[] ordinals = new int[touchedCount];
        int kept = 0;
        for (int i = 0; i < touchedCount; i++) {
            if (!skip.test(touched[i])) {
                values[kept] = scores[touched[i]];
                ordinals[kept++] = touched[i];
            }
        }
        int[] positions = LargestValues.indexes(kept == touchedCount ? values : Arrays.copyOf(values, kept), k);
        for (int i = 0; i < positions.length; i++) {
            positions[i] = ordinals[positions[i]];
        }
        return positions;
    }

    /** The ordinal of the {@code i}-th item with a score (in the order first touched). */
    public int ordinalAt(int i) {
        return touched[i];
    }
}
