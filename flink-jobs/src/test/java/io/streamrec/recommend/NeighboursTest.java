package io.streamrec.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sorted neighbour list against a plain map of counts, under random bumps with ties. */
class NeighboursTest {
    @Test
    void staysSortedAndAgreesWithPlainCounts() {
        Neighbours n = new Neighbours();
        Map<String, Float> reference = new HashMap<>();
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            String id = "i" + random.nextInt(60);
            float w = random.nextInt(4) == 0 ? 2.5f : 1f; // mostly equal weights: long blocks of ties
            n.add(id, w, 1_000);
            reference.merge(id, w, Float::sum);
            if (i % 997 == 0) {
                assertSorted(n);
            }
        }
        assertSorted(n);
        assertThat(n.toMap()).isEqualTo(reference);
        assertThat(n.max()).isEqualTo(reference.values().stream().max(Float::compare).orElseThrow());
        for (Map.Entry<String, Float> e : reference.entrySet()) {
            assertThat(n.count(e.getKey())).isEqualTo(e.getValue());
        }
        assertThat(n.count("absent")).isZero();
    }

    @Test
    void pastTwiceTheRetainedSizeOnlyTheStrongestStay() {
        Neighbours n = new Neighbours();
        for (int i = 0; i < 8; i++) {
            for (int k = 0; k <= i; k++) {
                n.add("i" + i, 1f, 4); // i7 strongest, then i6, ...
            }
        }
        n.add("i8", 0.5f, 4); // the ninth: past 2 x 4, so the four strongest stay
        assertSorted(n);
        assertThat(n.toMap()).containsOnlyKeys("i7", "i6", "i5", "i4");
        assertThat(n.idAt(0)).isEqualTo("i7");
        assertThat(n.contains("i3")).isFalse();
    }

    private static void assertSorted(Neighbours n) {
        for (int i = 1; i < n.size(); i++) {
            assertThat(n.countAt(i)).isLessThanOrEqualTo(n.countAt(i - 1));
        }
    }
}
