package io.streamrec.state;

import io.streamrec.avro.EventType;
import io.streamrec.avro.UserEvent;
import io.streamrec.vectors.Vectors;

/** Folds one event into a user's profile: vectors decay with event time and move toward what was used. */
public final class ProfileUpdater {
    private final long intentHalfLifeMillis;
    private final long interestHalfLifeMillis;
    private final long sessionGapMillis;
    private final int historyMaxLength;

    /**
     * @param intentHalfLifeMillis half-life of the search-intent vector in event time
     * @param interestHalfLifeMillis half-life of the long-term interest vector
     * @param sessionGapMillis a longer pause starts a new session vector
     * @param historyMaxLength interactions kept in the history
     */
    public ProfileUpdater(long intentHalfLifeMillis, long interestHalfLifeMillis, long sessionGapMillis,
            int historyMaxLength) {
        this.intentHalfLifeMillis = intentHalfLifeMillis;
        this.interestHalfLifeMillis = interestHalfLifeMillis;
        this.sessionGapMillis = sessionGapMillis;
        this.historyMaxLength = historyMaxLength;
    }

    /**
     * Applies {@code event}; {@code textVector} is the vector of its text (searches), {@code item} the
     * vector of the item acted on (null if unknown yet), {@code sentiment} the review's sentiment in
     * [-1, 1] (0 for other events).
     */
    public void apply(UserProfile p, UserEvent event, float[] textVector, ItemVector item, float sentiment) {
        long time = event.getEventTime().toEpochMilli();
        EventType type = event.getType();
        if (type == EventType.SEARCH) {
            if (event.getText() != null) {
                p.history.lastQuery = event.getText();
            }
            float decay = decay(time - p.intentAt, intentHalfLifeMillis, p.intent);
            p.intent = Vectors.blend(p.intent, decay, Vectors.normalized(textVector), 1f);
            p.intentAt = time;
            return;
        }
        float weight = InteractionWeights.of(type);
        if (type == EventType.REVIEW) {
            // A review pulls toward similar items when positive and pushes away when negative.
            weight = sentiment > 0 ? weight * sentiment : 0f;
            if (item != null) {
                p.sentiment = Vectors.blend(p.sentiment, 1f, item.text, sentiment);
            }
            if (sentiment > 0.3f) {
                p.likedItem = event.getItemId();
            }
        }
        p.history.add(event.getItemId(), type, time, historyMaxLength);
        if (item == null || weight == 0f) {
            return;
        }
        float interestDecay = decay(time - p.interestAt, interestHalfLifeMillis, p.interest);
        p.interest = Vectors.blend(p.interest, interestDecay, item.text, weight);
        p.interestAt = Math.max(p.interestAt, time);
        boolean newSession = p.session == null || time - p.sessionAt > sessionGapMillis;
        p.session = Vectors.blend(newSession ? null : p.session, 0.6f, item.text, weight);
        p.sessionAt = Math.max(p.sessionAt, time);
        if (item.image != null) {
            p.image = Vectors.blend(p.image, interestDecay, item.image, weight);
        }
        p.addCategory(item.category, UserProfile.timeSlot(time), weight);
    }

    /** The fused user representation: interest, session, intent and sentiment, each unit length, summed. */
    public static float[] fused(UserProfile p) {
        float[] fused = null;
        fused = Vectors.blend(fused, 1f, Vectors.normalized(p.interest), 1.0f);
        fused = Vectors.blend(fused, 1f, Vectors.normalized(p.session), 1.0f);
        fused = Vectors.blend(fused, 1f, Vectors.normalized(p.intent), 0.8f);
        fused = Vectors.blend(fused, 1f, Vectors.normalized(p.sentiment), 0.5f);
        return Vectors.normalized(fused);
    }

    private static float decay(long elapsed, long halfLife, float[] current) {
        if (current == null || elapsed <= 0) {
            return 1f;
        }
        return (float) Math.pow(0.5, (double) elapsed / Math.max(1, halfLife));
    }
}
