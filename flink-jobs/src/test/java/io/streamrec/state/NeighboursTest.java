package io.streamrec.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamrec.ranking.CoOccurrenceScores;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sorted neighbour list against a plain map of counts under random bumps with ties, and the per-request
 * co-occurrence scores against a direct computation over the same statistics.
 */
class NeighboursTest {
    @Test
    void staysSortedAndAgreesWithPlainCounts() {
        Neighbours n = new Neighbours();
        Map<Integer, Float> reference = new HashMap<>();
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            int id = random.nextInt(60);
            float w = random.nextInt(4) == 0 ? 2.5f : 1f; // mostly equal weights: long blocks of ties
            n.add(id, w, 1_000);
            reference.merge(id, w, Float::sum);
            if (i % 997 == 0) {
                assertSorted(n);
            }
        }
        assertSorted(n);
        assertThat(n.size()).isEqualTo(reference.size());
        for (Map.Entry<Integer, Float> e : reference.entrySet()) {
            assertThat(n.count(e.getKey())).isEqualTo(e.getValue());
        }
        assertThat(n.max()).isEqualTo(reference.values().stream().max(Float::compare).orElseThrow());
        assertThat(n.count(999)).isZero();
    }

    @Test
    void pastTwiceTheRetainedSizeOnlyTheStrongestStay() {
        Neighbours n = new Neighbours();
        for (int i = 0; i < 8; i++) {
            for (int k = 0; k <= i; k++) {
                n.add(i, 1f, 4); // 7 strongest, then 6, ...
            }
        }
        n.add(8, 0.5f, 4); // the ninth: past 2 x 4, so the four strongest stay
        assertSorted(n);
        assertThat(n.size()).isEqualTo(4);
        assertThat(new int[] {n.ordinalAt(0), n.ordinalAt(1), n.ordinalAt(2), n.ordinalAt(3)})
                .containsExactly(7, 6, 5, 4);
        assertThat(n.count(3)).isZero();
    }

    @Test
    void requestScoresEqualADirectSumOverRecentItems() {
        ItemStats stats = randomCoOccurrences(4, 80);
        CoOccurrenceScores scores = new CoOccurrenceScores();
        for (List<String> recent : List.of(List.of("i1", "i2", "i3"), List.of("i7", "absent", "i1"), List.<String>of())) {
            scores.compute(stats, recent, 10);
            for (int item = 0; item < 80; item++) {
                String id = "i" + item;
                double expected = 0;
                String bestSource = null;
                double best = -1;
                for (int s = 0; s < recent.size(); s++) {
                    Map<String, Float> counts = stats.neighbourCounts(recent.get(s));
                    Neighbours n = stats.neighbours(recent.get(s));
                    // only the 10 strongest of each source count
                    boolean inTop = false;
                    for (int j = 0; j < Math.min(10, n.size()); j++) {
                        inTop |= stats.id(n.ordinalAt(j)).equals(id);
                    }
                    if (inTop) {
                        double v = counts.get(id) / n.max() / (1 + s);
                        expected += v;
                        if (v > best) {
                            best = v;
                            bestSource = recent.get(s);
                        }
                    }
                }
                int ordinal = stats.ordinal(id);
                assertThat((double) scores.score(ordinal)).isCloseTo(expected, within(1e-5));
                assertThat(scores.bestSource(ordinal) < 0 ? null : stats.id(scores.bestSource(ordinal)))
                        .isEqualTo(bestSource);
            }
        }
    }

    @Test
    void strongestAreTheHighestScoresInOrder() {
        ItemStats stats = randomCoOccurrences(9, 120);
        CoOccurrenceScores scores = new CoOccurrenceScores();
        scores.compute(stats, List.of("i3", "i5", "i8", "i13"), Integer.MAX_VALUE);
        List<Integer> all = new java.util.ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            all.add(scores.ordinalAt(i));
        }
        assertThat(all.size()).isGreaterThan(40);
        // Highest score first; equal scores in the order first touched (a stable sort of the touched list).
        List<Integer> sorted = all.stream()
                .sorted((a, b) -> Float.compare(scores.score(b), scores.score(a))).toList();
        int[] top = scores.strongest(25);
        assertThat(top).containsExactly(sorted.subList(0, 25).stream().mapToInt(Integer::intValue).toArray());
        assertThat(scores.strongest(10_000)).hasSize(all.size());
        assertThat(scores.strongest(0)).isEmpty();
    }

    /** 4,000 random pairs among {@code items} ids "i0".., counts 1-3, 30 neighbours kept per item. */
    private static ItemStats randomCoOccurrences(long seed, int items) {
        ItemStats stats = new ItemStats(60_000, 30);
        Random r = new Random(seed);
        for (int i = 0; i < 4_000; i++) {
            stats.addCoOccurrence("i" + r.nextInt(items), "i" + r.nextInt(items), 1 + r.nextInt(3));
        }
        return stats;
    }

    private static void assertSorted(Neighbours n) {
        for (int i = 1; i < n.size(); i++) {
            assertThat(n.countAt(i)).isLessThanOrEqualTo(n.countAt(i - 1));
        }
    }
}
