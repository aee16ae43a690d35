package io.streamrec.state;

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
        assertThat(stats.neighbourCounts("hub")).containsKey("n9");
        assertThat(stats.neighbourCounts("n3")).containsOnlyKeys("hub");
    }

    @Test
    void serialisedFormRoundTrips() {
        ItemStats stats = new ItemStats(60_000, 10);
        stats.addInteraction("a", 2, 1_000);
        stats.addCoOccurrence("a", "b", 3);
        ItemStats copy = new ItemStats(60_000, 10);
        copy.merge(stats.toBytes(), 1.0);
        assertThat(copy.popularity("a")).isEqualTo(stats.popularity("a"));
        assertThat(copy.neighbourCounts("b").get("a")).isEqualTo(3f);
        ItemStats half = new ItemStats(60_000, 10);
        half.merge(stats.toBytes(), 0.5);
        assertThat(half.neighbourCounts("a").get("b")).isEqualTo(1.5f);
    }

    @Test
    void restoresTheEarlierFormatWithIdsInFull() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        out.writeLong(5_000); // latest event time
        out.writeInt(1); // one item
        out.writeUTF("a");
        out.writeDouble(2.0);
        out.writeLong(5_000);
        out.writeInt(1); // one neighbour
        out.writeUTF("b");
        out.writeFloat(3f);
        out.flush();
        ItemStats restored = new ItemStats(60_000, 10);
        restored.merge(bytes.toByteArray(), 1.0);
        assertThat(restored.popularity("a")).isEqualTo(2.0);
        assertThat(restored.neighbourCounts("a").get("b")).isEqualTo(3f);
    }

    @Test
    void manyItemsRoundTripExactly() {
        ItemStats stats = new ItemStats(60_000, 20);
        java.util.Random r = new java.util.Random(9);
        for (int i = 0; i < 5_000; i++) {
            String a = "item-" + r.nextInt(300);
            stats.addInteraction(a, 1 + r.nextInt(3), i * 10L);
            stats.addCoOccurrence(a, "item-" + r.nextInt(300), 1 + r.nextInt(2));
        }
        ItemStats copy = new ItemStats(60_000, 20);
        copy.merge(stats.toBytes(), 1.0);
        assertThat(copy.size()).isEqualTo(stats.size());
        for (int i = 0; i < 300; i++) {
            String id = "item-" + i;
            assertThat(copy.popularity(id)).isEqualTo(stats.popularity(id));
            assertThat(copy.neighbourCounts(id)).isEqualTo(stats.neighbourCounts(id));
        }
        assertThat(copy.trending(10)).isEqualTo(stats.trending(10));
    }

    @Test
    void transitionsAreDirectedAndNearerPreviousItemsCountMore() {
        ItemStats stats = new ItemStats(60_000, 10, 2);
        // The user took c, then b, then a; now "next": previous items most recent first.
        stats.addCoOccurrences(java.util.List.of("a", "b", "c"), "next", 1f);
        assertThat(stats.successors(stats.ordinal("a")).count(stats.ordinal("next"))).isEqualTo(1f);
        assertThat(stats.successors(stats.ordinal("b")).count(stats.ordinal("next"))).isEqualTo(0.5f);
        assertThat(stats.successors(stats.ordinal("c")).size()).as("beyond the window of 2").isZero();
        assertThat(stats.successors(stats.ordinal("next")).size()).as("directed: nothing follows next").isZero();
        assertThat(stats.neighbourCounts("c")).containsEntry("next", 1f);

        ItemStats copy = new ItemStats(60_000, 10, 2);
        copy.merge(stats.toBytes(), 0.5);
        assertThat(copy.successors(copy.ordinal("a")).count(copy.ordinal("next"))).isEqualTo(0.5f);
        ItemStats without = new ItemStats(60_000, 10);
        without.merge(stats.toBytes(), 1.0);
        assertThat(without.neighbourCounts("a")).isEqualTo(stats.neighbourCounts("a"));
        assertThat(without.successors(without.ordinal("a")).size()).as("kept only where used").isZero();
    }
}
