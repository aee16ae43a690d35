package io.streamrec.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pool recall: the share of a slice's probes whose item the candidate pool held, overall and by source. */
class PoolRecallTest {

    @Test
    void sharesPerSourceAndOverall() {
        RecommenderResult r = new RecommenderResult("model", 10, 10);
        r.recordPool(List.of(Slice.ALL, Slice.HELD_OUT), Set.of("text-nearest", "co-occurring"));
        r.recordPool(List.of(Slice.ALL, Slice.HELD_OUT), Set.of("co-occurring"));
        r.recordPool(List.of(Slice.ALL, Slice.HELD_OUT), Set.of());
        r.recordPool(List.of(Slice.ALL, Slice.TUNING), Set.of());

        var heldOut = r.poolRecall(Slice.HELD_OUT);
        assertThat(heldOut.get(RecommenderResult.ANY_SOURCE)).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(heldOut.get("co-occurring")).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(heldOut.get("text-nearest")).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(r.poolRecall(Slice.TUNING)).containsEntry(RecommenderResult.ANY_SOURCE, 0.0);
        assertThat(r.poolRecall(Slice.ALL).get(RecommenderResult.ANY_SOURCE)).isCloseTo(0.5, within(1e-9));
        assertThat(r.poolRecall(Slice.COLD_START)).as("no probes there: nothing to report").isEmpty();
    }
}
