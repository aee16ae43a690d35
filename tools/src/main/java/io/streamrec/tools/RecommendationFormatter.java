package io.streamrec.tools;

import io.streamrec.avro.Recommendation;
import io.streamrec.avro.RecommendedItem;
import java.time.Duration;
import java.util.Locale;

/**
 * Renders a recommendation for people: a header line (user, trigger event, recommender, model
 * version, latency) and one line per item (rank, score with 3 decimals, title, id, reason).
 *
 * <pre>
 * user-0042 after event syn-00000012: model v17, latency 35 ms
 *    1. 0.913  Summit Ridge waterproof tent (item-00012): similar to what you viewed
 * </pre>
 */
public final class RecommendationFormatter {
    /** Latencies beyond this are replays with original event times; the event time is shown instead. */
    private static final Duration PLAUSIBLE_LATENCY = Duration.ofHours(1);

    private RecommendationFormatter() {}

    public static String format(Recommendation rec) {
        StringBuilder out = new StringBuilder();
        out.append(rec.getUserId()).append(" after event ").append(rec.getTriggerEventId()).append(": ")
                .append(rec.getRecommender()).append(" v").append(rec.getModelVersion()).append(", ");
        long latencyMillis = Duration.between(rec.getEventTime(), rec.getGeneratedAt()).toMillis();
        if (Math.abs(latencyMillis) <= PLAUSIBLE_LATENCY.toMillis()) {
            out.append("latency ").append(latencyMillis).append(" ms");
        } else {
            out.append("event time ").append(rec.getEventTime());
        }
        if (rec.getItems().isEmpty()) {
            out.append("\n   (no items)");
        }
        int rank = 1;
        for (RecommendedItem item : rec.getItems()) {
            out.append('\n').append(String.format(Locale.ROOT, "%4d. %.3f  ", rank++, item.getScore()));
            if (item.getTitle() != null && !item.getTitle().isEmpty()) {
                out.append(item.getTitle()).append(" (").append(item.getItemId()).append(')');
            } else {
                out.append(item.getItemId());
            }
            if (!item.getReason().isEmpty()) {
                out.append(": ").append(item.getReason());
            }
        }
        return out.toString();
    }
}
