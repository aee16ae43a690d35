package io.streamrec.recommenders;

import io.streamrec.avro.Recommendation;
import io.streamrec.avro.RecommendedItem;
import io.streamrec.avro.UserEvent;
import io.streamrec.events.SourcedEvent;
import io.streamrec.metrics.MetricNames;
import io.streamrec.metrics.MetricRegistrar;
import io.streamrec.state.BroadcastMaps;
import io.streamrec.state.UserHistory;

/**
 * What happens to each user event, whichever the recommender and wherever it runs: a duplicate is
 * refused; otherwise it is scored against the user's last list ({@link LiveQuality}), the recommender
 * learns from it, and a recommendation goes out when the user is due one ({@code recommend.min-interval}
 * of event time since the last). One per subtask.
 */
public final class UserEventStep<U> {
    private final Recommender<U, ?> recommender;
    private final LiveQuality quality;

    public UserEventStep(Recommender<U, ?> recommender) {
        this.recommender = recommender;
        this.quality = new LiveQuality(recommender.settings().qualityWindowMillis);
    }

    /** The recommender's metrics and the live quality's (group {@value MetricNames#QUALITY_GROUP}). */
    public void registerMetrics(MetricRegistrar metrics) {
        recommender.registerMetrics(metrics);
        quality.register(metrics.group(MetricNames.QUALITY_GROUP));
    }

    public LiveQuality quality() {
        return quality;
    }

    /**
     * Processes {@code in} for {@code user} (whose state the caller then saves); false for a duplicate of
     * an event within the dedupe window, which changes nothing.
     */
    public boolean process(U user, SourcedEvent in, long now, BroadcastMaps maps, Outputs out) {
        UserEvent event = in.event;
        UserHistory history = recommender.history(user);
        if (history.seenEvent(event.getEventId())) {
            return false;
        }
        RecommenderSettings settings = recommender.settings();
        history.rememberEvent(event.getEventId(), settings.dedupWindow);
        long time = event.getEventTime().toEpochMilli();
        quality.observe(history, event);
        recommender.observe(user, in, now, maps, out);
        if (history.dueForRecommendation(time, settings.minIntervalMillis)) {
            Recommendation recommendation = recommender.recommend(user, event, time, now, maps);
            out.recommendation(recommendation);
            history.served(recommendation.getItems().stream().map(RecommendedItem::getItemId).toArray(String[]::new),
                    time);
            recommender.served(user, recommendation, time);
            history.lastRecommendedAt = Math.max(history.lastRecommendedAt, time);
        }
        history.lastEventTime = Math.max(history.lastEventTime, time);
        return true;
    }
}
