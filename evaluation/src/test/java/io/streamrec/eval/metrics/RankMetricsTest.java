package io.streamrec.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankMetricsTest {

    @Test
    void ndcgOfASingleRelevantItem() {
        assertThat(RankMetrics.ndcg(1, 10)).isEqualTo(1.0);
        assertThat(RankMetrics.ndcg(2, 10)).isCloseTo(1 / (Math.log(3) / Math.log(2)), within(1e-12));
        assertThat(RankMetrics.ndcg(10, 10)).isCloseTo(1 / (Math.log(11) / Math.log(2)), within(1e-12))
                .isCloseTo(0.28906, within(1e-5));
        assertThat(RankMetrics.ndcg(11, 10)).isZero();
        assertThat(RankMetrics.ndcg(0, 10)).isZero();
    }

    @Test
    void reciprocalRankWithinTheServedList() {
        assertThat(RankMetrics.reciprocalRank(1, 10)).isEqualTo(1.0);
        assertThat(RankMetrics.reciprocalRank(4, 10)).isEqualTo(0.25);
        assertThat(RankMetrics.reciprocalRank(11, 10)).isZero();
        assertThat(RankMetrics.reciprocalRank(0, 10)).isZero();
    }

    @Test
    void hitAndRank() {
        assertThat(RankMetrics.rankOf(List.of("a", "b", "c"), "c")).isEqualTo(3);
        assertThat(RankMetrics.rankOf(List.of("a", "b", "c"), "z")).isZero();
        assertThat(RankMetrics.hit(3, 3)).isEqualTo(1.0);
        assertThat(RankMetrics.hit(4, 3)).isZero();
        assertThat(RankMetrics.hit(0, 3)).isZero();
    }
}
