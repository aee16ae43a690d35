package io.streamrec.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.Recommendation;
import io.streamrec.avro.RecommendedItem;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecommendationFormatterTest {

    static Recommendation sample() {
        Instant event = Instant.parse("2024-03-01T10:00:00Z");
        return Recommendation.newBuilder()
                .setRecommendationId("rec-syn-00000012")
                .setUserId("user-0042")
                .setTriggerEventId("syn-00000012")
                .setEventTime(event)
                .setGeneratedAt(event.plusMillis(35))
                .setRecommender("model")
                .setModelVersion(17)
                .setItems(List.of(
                        new RecommendedItem("item-00012", 0.91349f, "similar to what you viewed",
                                "Summit Ridge waterproof tent"),
                        new RecommendedItem("item-00044", 0.5f, "trending", null),
                        new RecommendedItem("item-00007", 0.0004f, "", "")))
                .build();
    }

    @Test
    void formatsHeaderAndOneLinePerItem() {
        assertThat(RecommendationFormatter.format(sample())).isEqualTo(String.join("\n",
                "user-0042 after event syn-00000012: model v17, latency 35 ms",
                "   1. 0.913  Summit Ridge waterproof tent (item-00012): similar to what you viewed",
                "   2. 0.500  item-00044: trending",
                "   3. 0.000  item-00007"));
    }

    @Test
    void implausibleLatencyShowsTheEventTimeAndEmptyListSaysSo() {
        Recommendation rec = Recommendation.newBuilder(sample())
                .setEventTime(Instant.parse("2018-09-24T00:00:00Z"))
                .setRecommender("baseline")
                .setModelVersion(0)
                .setItems(List.of())
                .build();
        assertThat(RecommendationFormatter.format(rec)).isEqualTo(
                "user-0042 after event syn-00000012: baseline v0, event time 2018-09-24T00:00:00Z\n   (no items)");
    }
}
