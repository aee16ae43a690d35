package io.streamrec.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamrec.state.ItemStats;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recency exponent sets how much a user's older recent items count in the co-occurrence scores. */
class CoOccurrenceScoresTest {

    private static ItemStats stats() {
        ItemStats stats = new ItemStats(86_400_000L, 50);
        // The latest item neighbours "a", the one before it "b", each with its strongest count.
        stats.addCoOccurrence("latest", "a", 1f);
        stats.addCoOccurrence("earlier", "b", 1f);
        return stats;
    }

    private static float[] scores(double exponent) {
        ItemStats stats = stats();
        CoOccurrenceScores scores = new CoOccurrenceScores();
        scores.compute(stats, List.of("latest", "earlier"), Integer.MAX_VALUE, exponent);
        return new float[] {scores.score(stats.ordinal("a")), scores.score(stats.ordinal("b"))};
    }

    @Test
    void olderItemsWeighByThePowerOfTheirPosition() {
        assertThat(scores(1.0)[1] / scores(1.0)[0]).isCloseTo(0.5f, within(1e-6f));
        assertThat(scores(0.5)[1] / scores(0.5)[0]).isCloseTo((float) Math.pow(2, -0.5), within(1e-6f));
        assertThat(scores(0.0)[1]).as("exponent 0 weighs every recent item alike").isEqualTo(scores(0.0)[0]);
    }

    @Test
    void theDefaultOverloadKeepsTheHarmonicWeights() {
        ItemStats stats = stats();
        CoOccurrenceScores scores = new CoOccurrenceScores();
        scores.compute(stats, List.of("latest", "earlier"), Integer.MAX_VALUE);
        assertThat(scores.score(stats.ordinal("b"))).isCloseTo(0.5f, within(1e-6f));
        assertThat(scores.maxScore()).isEqualTo(1f);
    }

    @Test
    void transitionsAddWhatUsersTookNextRelativeToTheStrongest() {
        ItemStats stats = new ItemStats(86_400_000L, 50, 5);
        // After "recent", users took "sequel" twice and "other" once; "recent" co-occurs with both alike.
        stats.addCoOccurrences(List.of("recent"), "sequel", 1f);
        stats.addCoOccurrences(List.of("recent"), "other", 1f);
        stats.addCoOccurrences(List.of("recent", "other"), "sequel", 1f);
        CoOccurrenceScores scores = new CoOccurrenceScores();
        scores.compute(stats, List.of("recent"), Integer.MAX_VALUE, 0.5, 0f);
        float sequel = scores.score(stats.ordinal("sequel"));
        float other = scores.score(stats.ordinal("other"));
        scores.compute(stats, List.of("recent"), Integer.MAX_VALUE, 0.5, 1f);
        assertThat(scores.score(stats.ordinal("sequel")) - sequel).isCloseTo(1f, within(1e-6f));
        assertThat(scores.score(stats.ordinal("other")) - other).isCloseTo(0.5f, within(1e-6f));
    }
}
