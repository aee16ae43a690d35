package io.streamrec.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void showsDoneRateAndTimeLeft() {
        assertThat(ProgressLine.line("replay:", "events", 3000, 10_000, 3.0))
                .isEqualTo("replay: 3,000/10,000 events (30.0%) · 1,000 events/s · 7 s left");
        assertThat(ProgressLine.line("[eval]", "events", 0, 10, 0)).isEqualTo("[eval] 0/10 events (0.0%) · 0 events/s · ? left");
        assertThat(ProgressLine.duration(185)).isEqualTo("3 min 5 s");
    }

    @Test
    void printsAtMostOncePerIntervalAndAlwaysAtTheEnd() {
        List<String> lines = new ArrayList<>();
        ProgressLine progress = new ProgressLine(lines::add, "[x]", "records", Duration.ofHours(1));
        for (int i = 1; i <= 1000; i++) {
            progress.update(i, 1000);
        }
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("[x] 1,000/1,000 records (100.0%)");

        lines.clear();
        ProgressLine every = new ProgressLine(lines::add, "[x]", "records", Duration.ZERO);
        every.update(1, 3);
        every.update(2, 3);
        assertThat(lines).hasSize(2);
        new ProgressLine(null, "[x]", "records", Duration.ZERO).update(3, 3); // no sink, no line
    }
}
