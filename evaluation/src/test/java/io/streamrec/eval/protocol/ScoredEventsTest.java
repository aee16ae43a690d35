package io.streamrec.eval.protocol;

import static io.streamrec.eval.Fixtures.event;
import static io.streamrec.eval.Fixtures.purchase;
import static io.streamrec.eval.Fixtures.view;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.EventType;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoredEventsTest {

    @Test
    void probesBeforeTheFirstEventOfThePurchasesMoment() {
        BitSet probes = ScoredEvents.find(List.of(
                view("v1", "u", "a", 1),        // 0: MovieLens-style view ...
                view("x", "other", "a", 1),     // 1: someone else, same second
                purchase("p1", "u", "a", 1),    // 2: ... and its purchase: probed before index 0
                purchase("p2", "u", "b", 2),    // 3: a purchase alone: probed before itself
                view("v3", "u", "c", 3),        // 4: a view without purchase: not probed
                purchase("p4", "u", "a", 4)));  // 5: the same item again, later: its own probe
        assertThat(probes.stream().boxed().toList()).containsExactly(0, 3, 5);
    }

    @Test
    void onlyPurchasesArePositive() {
        BitSet probes = ScoredEvents.find(List.of(
                event("c", "u", EventType.CLICK, "a", 1),
                event("r", "u", EventType.REVIEW, "a", 2),
                event("s", "u", EventType.SEARCH, null, 3)));
        assertThat(probes.isEmpty()).isTrue();
    }
}
