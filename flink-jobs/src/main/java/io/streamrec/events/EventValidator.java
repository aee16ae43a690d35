package io.streamrec.events;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Item;
import io.streamrec.avro.UserEvent;
import io.streamrec.config.KafkaOptions;
import io.streamrec.config.ValidationOptions;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.configuration.ReadableConfig;

/** The rules a decoded event or item must meet; each broken rule is a {@link Rejection}. */
public final class EventValidator implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int maxTextChars;
    private final int maxIdChars;
    private final int maxImageDimension;
    private final int imageDimension;
    private final long minEventTime;
    private final long maxClockSkewMillis;
    /** Topic name to the event types it may carry; topics not listed accept every type. */
    private final Map<String, Set<EventType>> typesByTopic;

    public EventValidator(ReadableConfig config) {
        this.maxTextChars = config.get(ValidationOptions.MAX_TEXT_CHARS);
        this.maxIdChars = config.get(ValidationOptions.MAX_ID_CHARS);
        this.maxImageDimension = config.get(ValidationOptions.MAX_IMAGE_DIMENSION);
        this.imageDimension = config.get(ValidationOptions.IMAGE_DIMENSION);
        this.minEventTime = config.get(ValidationOptions.MIN_EVENT_TIME);
        this.maxClockSkewMillis = config.get(ValidationOptions.MAX_CLOCK_SKEW).toMillis();
        Map<String, Set<EventType>> types = new HashMap<>();
        types.put(config.get(KafkaOptions.TOPIC_VIEWS), Set.of(EventType.VIEW));
        types.put(config.get(KafkaOptions.TOPIC_CLICKS), Set.of(EventType.CLICK));
        types.put(config.get(KafkaOptions.TOPIC_PURCHASES), Set.of(EventType.PURCHASE));
        types.put(config.get(KafkaOptions.TOPIC_TEXT_EVENTS), Set.of(EventType.SEARCH, EventType.REVIEW));
        List<String> combined = config.get(KafkaOptions.TOPICS_COMBINED_EVENTS);
        combined.forEach(types::remove);
        this.typesByTopic = types;
    }

    /** Checks an event read from {@code topic} at processing time {@code nowMillis}. */
    public Optional<Rejection> check(UserEvent e, String topic, long nowMillis) {
        Optional<Rejection> ids = checkId("event_id", e.getEventId())
                .or(() -> checkId("user_id", e.getUserId()));
        if (ids.isPresent()) {
            return ids;
        }
        EventType type = e.getType();
        if (type == null || type == EventType.UNKNOWN) {
            return reject(Rejection.UNKNOWN_EVENT_TYPE, "event type " + type + " is not one of VIEW, CLICK, "
                    + "PURCHASE, SEARCH, REVIEW");
        }
        Set<EventType> allowed = typesByTopic.get(topic);
        if (allowed != null && !allowed.contains(type)) {
            return reject(Rejection.WRONG_TOPIC, type + " event on topic '" + topic + "', which carries " + allowed);
        }
        boolean needsItem = type != EventType.SEARCH;
        if (needsItem) {
            Optional<Rejection> item = checkId("item_id", e.getItemId());
            if (item.isPresent()) {
                return item;
            }
        }
        boolean needsText = type == EventType.SEARCH || type == EventType.REVIEW;
        String text = e.getText();
        if (needsText && (text == null || text.isBlank())) {
            return reject(Rejection.MISSING_FIELD, type + " event without text");
        }
        if (text != null && text.length() > maxTextChars) {
            return reject(Rejection.TEXT_TOO_LONG, "text of " + text.length() + " characters exceeds "
                    + ValidationOptions.MAX_TEXT_CHARS.key() + "=" + maxTextChars);
        }
        long time = e.getEventTime() == null ? Long.MIN_VALUE : e.getEventTime().toEpochMilli();
        if (time < minEventTime || time > nowMillis + maxClockSkewMillis) {
            return reject(Rejection.EVENT_TIME_OUT_OF_RANGE, "event_time " + e.getEventTime()
                    + " outside [" + java.time.Instant.ofEpochMilli(minEventTime) + ", now + "
                    + ValidationOptions.MAX_CLOCK_SKEW.key() + "]");
        }
        Float rating = e.getRating();
        if (rating != null && (rating.isNaN() || rating < 0f || rating > 5f)) {
            return reject(Rejection.INVALID_FIELD, "rating " + rating + " outside [0, 5]");
        }
        return Optional.empty();
    }

    /** Checks a catalogue record. */
    public Optional<Rejection> check(Item item) {
        Optional<Rejection> id = checkId("item_id", item.getItemId());
        if (id.isPresent()) {
            return id;
        }
        if (item.getTitle() == null || item.getTitle().isBlank()) {
            return reject(Rejection.MISSING_FIELD, "item " + item.getItemId() + " has no title");
        }
        int textLength = item.getTitle().length() + (item.getDescription() == null ? 0 : item.getDescription().length());
        if (textLength > maxTextChars) {
            return reject(Rejection.TEXT_TOO_LONG, "title and description of " + textLength
                    + " characters exceed " + ValidationOptions.MAX_TEXT_CHARS.key() + "=" + maxTextChars);
        }
        List<Float> vector = item.getImageVector();
        if (vector != null) {
            int dim = vector.size();
            if (dim == 0 || dim > maxImageDimension || (imageDimension > 0 && dim != imageDimension)) {
                return reject(Rejection.BAD_VECTOR, "image vector of dimension " + dim + " (expected "
                        + (imageDimension > 0 ? "exactly " + imageDimension : "1.." + maxImageDimension) + ")");
            }
            for (Float f : vector) {
                if (f == null || !Float.isFinite(f)) {
                    return reject(Rejection.BAD_VECTOR, "image vector contains a non-finite value");
                }
            }
        }
        if (item.getUpdatedAt() == null || item.getUpdatedAt().toEpochMilli() <= 0) {
            return reject(Rejection.INVALID_FIELD, "item " + item.getItemId() + " has no positive updated_at");
        }
        return Optional.empty();
    }

    private Optional<Rejection> checkId(String field, String value) {
        if (value == null || value.isBlank()) {
            return reject(Rejection.MISSING_FIELD, field + " is missing or blank");
        }
        if (value.length() > maxIdChars) {
            return reject(Rejection.INVALID_FIELD, field + " of " + value.length() + " characters exceeds "
                    + ValidationOptions.MAX_ID_CHARS.key() + "=" + maxIdChars);
        }
        if (value.startsWith("-")) {
            // Negative numeric ids come from producers that lost an unsigned value.
            return reject(Rejection.INVALID_FIELD, field + " '" + value + "' is negative");
        }
        return Optional.empty();
    }

    private static Optional<Rejection> reject(String code, String message) {
        return Optional.of(Rejection.of(code, message));
    }
}
