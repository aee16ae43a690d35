package io.streamrec.eval.protocol;

import static io.streamrec.eval.Fixtures.millis;
import static io.streamrec.eval.Fixtures.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.avro.UserEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineSplitTest {

    private static List<UserEvent> eventsAt(long... seconds) {
        List<UserEvent> events = new ArrayList<>();
        for (long s : seconds) {
            events.add(view("e" + events.size(), "u", "i", s));
        }
        return events;
    }

    @Test
    void heldOutIsTheLastShareByTime() {
        TimelineSplit split = TimelineSplit.of(eventsAt(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), 0.1, 0.2);
        assertThat(split.phaseOf(millis(0))).isEqualTo(Phase.WARM_UP);
        assertThat(split.phaseOf(millis(1))).isEqualTo(Phase.TUNING);
        assertThat(split.phaseOf(millis(7))).isEqualTo(Phase.TUNING);
        assertThat(split.phaseOf(millis(8))).isEqualTo(Phase.HELD_OUT);
        assertThat(split.phaseOf(millis(9))).isEqualTo(Phase.HELD_OUT);
    }

    @Test
    void eventsSharingATimestampStayOnOneSide() {
        // The 80 % boundary falls inside the run of events at second 5: all of them are held out.
        TimelineSplit split = TimelineSplit.of(eventsAt(0, 1, 2, 3, 5, 5, 5, 5, 5, 6), 0.0, 0.2);
        assertThat(split.heldOutStartsAt()).isEqualTo(millis(5));
        assertThat(split.phaseOf(millis(3))).isEqualTo(Phase.TUNING);
        assertThat(split.phaseOf(millis(0))).isEqualTo(Phase.TUNING);
    }

    @Test
    void refusesFractionsThatDoNotFit() {
        assertThatThrownBy(() -> TimelineSplit.of(List.of(), 0.9, 0.2)).hasMessageContaining("warm-up + held-out <= 1");
        assertThatThrownBy(() -> TimelineSplit.of(List.of(), 0.1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
