package io.streamrec.recommenders;

import io.streamrec.avro.Recommendation;
import io.streamrec.avro.UserEvent;
import io.streamrec.events.SourcedEvent;
import io.streamrec.state.BroadcastMaps;
import io.streamrec.state.UserHistory;

/**
 * What happens to each user event, whichever the recommender and wherever it runs: a duplicate is
 * refused; otherwise the recommender learns from it, and a recommendation goes out when the user is due
 * one ({@code recommend.min-interval} of event time since the last).
 */
public final class UserEventStep {
    private UserEventStep() {}

    /**
     * Processes {@code in} for {@code user} (whose state the caller then saves); false for a duplicate of
     * an event within the dedupe window, which changes nothing.
     */
    public static <U> boolean process(Recommender<U, ?> recommender, U user, SourcedEvent in, long now,
            BroadcastMaps maps, Outputs out) {
        UserEvent event = in.event;
        UserHistory history = recommender.history(user);
        if (history.seenEvent(event.getEventId())) {
            return false;
        }
        RecommenderSettings settings = recommender.settings();
        history.rememberEvent(event.getEventId(), settings.dedupWindow);
        long time = event.getEventTime().toEpochMilli();
        recommender.observe(user, in, now, maps, out);
        if (history.dueForRecommendation(time, settings.minIntervalMillis)) {
            Recommendation recommendation = recommender.recommend(user, event, time, now, maps);
            out.recommendation(recommendation);
            recommender.served(user, recommendation, time);
            history.lastRecommendedAt = Math.max(history.lastRecommendedAt, time);
        }
        history.lastEventTime = Math.max(history.lastEventTime, time);
        return true;
    }
}
