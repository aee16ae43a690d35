package io.streamrec.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ItemStatsTest {

    @Test
    void popularityHalvesEveryHalfLife() {
        ItemStats stats = new ItemStats(1_000, 10);
        stats.addInteraction("a", 4, 0);
        stats.addInteraction("b", 1, 2_000);
        assertThat(stats.popularity("a")).isCloseTo(1.0, within(1e-9));
        assertThat(stats.trending(2)).containsExactly("a", "b");
        stats.addInteraction("b", 1, 2_000);
        assertThat(stats.trending(1)).containsExactly("a");
    }

    @Test
    void keepsOnlyTheStrongestNeighbours() {
        ItemStats stats = new ItemStats(1_000, 2);
        for (int i = 0; i < 10; i++) {
            for (int r = 0; r <= i; r++) {
                stats.addCoOccurrence("hub", "n" + i, 1);
            }
        }
        assertThat(stats.neighbours("hub").size()).isLessThanOrEqualTo(4);
        assertThat(stats.neighbours("hub").toMap()).containsKey("n9");
        assertThat(stats.neighbours("n3").toMap()).containsOnlyKeys("hub");
    }

    @Test
    void serialisedFormRoundTrips() {
        ItemStats stats = new ItemStats(60_000, 10);
        stats.addInteraction("a", 2, 1_000);
        stats.addCoOccurrence("a", "b", 3);
        ItemStats copy = new ItemStats(60_000, 10);
        copy.merge(stats.toBytes(), 1.0);
        assertThat(copy.popularity("a")).isEqualTo(stats.popularity("a"));
        assertThat(copy.neighbours("b").count("a")).isEqualTo(3f);
        ItemStats half = new ItemStats(60_000, 10);
        half.merge(stats.toBytes(), 0.5);
        assertThat(half.neighbours("a").count("b")).isEqualTo(1.5f);
    }
}
