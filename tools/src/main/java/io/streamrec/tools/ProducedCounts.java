package io.streamrec.tools;

import java.util.Map;

/**
 * What a replay wrote, all acknowledged by the broker: valid events, catalogue items, malformed
 * records, and the records per topic name (events, items and malformed records together).
 */
public record ProducedCounts(long events, long items, long bad, Map<String, Long> perTopic) {
    public ProducedCounts {
        perTopic = Map.copyOf(perTopic);
    }

    /** The line the replay ends with. */
    public String summary() {
        return "produced: events=" + events + " items=" + items + " bad=" + bad;
    }
}
