package io.streamrec.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.Recommendation;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Latency is measured from when the triggering event was sent: the product jobs' events keep the workload's
 * event times, so the send time comes from the feed by event id; the pass-through's event_time is already it.
 */
class RecommendationTailTest {
    private static Recommendation rec(String trigger, long eventTime) {
        return Recommendation.newBuilder().setRecommendationId("r-" + trigger).setUserId("u1")
                .setTriggerEventId(trigger).setGeneratedAt(Instant.ofEpochMilli(eventTime + 5))
                .setEventTime(Instant.ofEpochMilli(eventTime)).setRecommender("model").setModelVersion(0L)
                .setItems(List.of()).build();
    }

    @Test
    void theSendTimeOfTheTriggerWinsOverTheWorkloadsEventTime() {
        Map<String, Long> sent = new HashMap<>(Map.of("e-1", 1_700_000_000_500L));
        // A workload event time days before the send time: taking it would report days of latency.
        assertThat(RecommendationTail.latencyOrigin(rec("e-1", 1_699_000_000_000L), sent::remove))
                .isEqualTo(1_700_000_000_500L);
        assertThat(sent).isEmpty(); // taken, so the map stays as small as the events in flight
        // Unknown trigger (the pass-through's record positions): its event_time is the send time.
        assertThat(RecommendationTail.latencyOrigin(rec("events-0@17", 1_700_000_000_900L), sent::remove))
                .isEqualTo(1_700_000_000_900L);
    }
}
