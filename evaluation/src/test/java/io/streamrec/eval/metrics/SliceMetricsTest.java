package io.streamrec.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SliceMetricsTest {

    @Test
    void averagesOverProbes() {
        SliceMetrics m = new SliceMetrics(2, 4);
        m.record(1, List.of("a", "b"), 10);   // hit at 1
        m.record(2, List.of("a", "c"), 10);   // hit at 2
        m.record(4, List.of("d", "e"), 10);   // beyond top-2, within depth
        m.record(0, List.of("a", "b"), 10);   // miss

        assertThat(m.probes()).isEqualTo(4);
        assertThat(m.hitRate(1)).isEqualTo(0.25);
        assertThat(m.hitRate(2)).isEqualTo(0.5);
        assertThat(m.hitRate(3)).isEqualTo(0.5);
        assertThat(m.hitRate(4)).isEqualTo(0.75);
        assertThat(m.ndcg()).isCloseTo((1 + 1 / (Math.log(3) / Math.log(2))) / 4, within(1e-12));
        assertThat(m.mrr()).isCloseTo((1 + 0.5) / 4, within(1e-12));
    }

    @Test
    void coverageIsDistinctServedItemsOverTheCatalogue() {
        SliceMetrics m = new SliceMetrics(2, 2);
        m.record(0, List.of("a", "b"), 8);
        m.record(0, List.of("b", "c"), 10);
        assertThat(m.coverage()).isEqualTo(3 / 10.0);
    }

    @Test
    void emptySliceIsZeroAndBadKIsRefused() {
        SliceMetrics m = new SliceMetrics(10, 50);
        assertThat(m.hitRate(10)).isZero();
        assertThat(m.ndcg()).isZero();
        assertThat(m.mrr()).isZero();
        assertThat(m.coverage()).isZero();
        assertThatThrownBy(() -> m.hitRate(51)).hasMessageContaining("HR@51");
        assertThatThrownBy(() -> new SliceMetrics(10, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
