package io.streamrec.tools;

import io.streamrec.avro.EventType;
import io.streamrec.avro.UserEvent;
import io.streamrec.schemas.AvroCodec;
import io.streamrec.schemas.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Malformed records for the event topics, so that a demo shows the dead-letter path. The j-th bad
 * record goes to event topic {@code j % 4} (views, clicks, purchases, text-events) and is of kind
 * {@code j % 3}: random bytes, a truncated Avro event, or a well-formed event without the item id
 * its type requires.
 */
public final class BadRecords {
    /** Ways a record is broken. */
    public enum Kind {
        /** Not Avro at all (never starts with the single-object marker). */
        RANDOM_BYTES,
        /** A valid encoding cut in half: header fine, body truncated. */
        TRUNCATED_AVRO,
        /** Decodes, but a VIEW, CLICK, PURCHASE or REVIEW without item id. */
        MISSING_ITEM_ID
    }

    /** One bad record: where it goes, what it is, and its key and value. */
    public record BadRecord(int index, Topic topic, Kind kind, byte[] key, byte[] value) {}

    static final List<Topic> EVENT_TOPICS = List.of(Topic.VIEWS, Topic.CLICKS, Topic.PURCHASES, Topic.TEXT_EVENTS);
    private static final AvroCodec<UserEvent> CODEC = AvroCodec.of(UserEvent.class);

    private BadRecords() {}

    public static Topic topicOf(int index) {
        return EVENT_TOPICS.get(index % EVENT_TOPICS.size());
    }

    public static Kind kindOf(int index) {
        return Kind.values()[index % Kind.values().length];
    }

    /** The {@code index}-th bad record; deterministic for the seed. */
    public static BadRecord create(int index, long seed, Instant time) {
        SplittableRandom random = new SplittableRandom(seed * 31 + index);
        Topic topic = topicOf(index);
        Kind kind = kindOf(index);
        String user = "user-bad-" + index;
        byte[] value = switch (kind) {
            case RANDOM_BYTES -> {
                byte[] bytes = new byte[8 + random.nextInt(32)];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) random.nextInt(256);
                }
                bytes[0] = 'X'; // the single-object marker starts with 0xC3
                yield bytes;
            }
            case TRUNCATED_AVRO -> {
                byte[] full = CODEC.encode(event(index, user, typeOf(topic), "item-00001", time));
                yield Arrays.copyOf(full, 10 + (full.length - 10) / 2);
            }
            case MISSING_ITEM_ID -> CODEC.encode(event(index, user, typeOf(topic), null, time));
        };
        return new BadRecord(index, topic, kind, user.getBytes(StandardCharsets.UTF_8), value);
    }

    private static EventType typeOf(Topic topic) {
        return switch (topic) {
            case VIEWS -> EventType.VIEW;
            case CLICKS -> EventType.CLICK;
            case PURCHASES -> EventType.PURCHASE;
            default -> EventType.REVIEW;
        };
    }

    private static UserEvent event(int index, String user, EventType type, String item, Instant time) {
        return UserEvent.newBuilder()
                .setEventId("bad-" + index)
                .setUserId(user)
                .setType(type)
                .setItemId(item)
                .setEventTime(time)
                .setText(type == EventType.REVIEW ? "a review of nothing in particular" : null)
                .build();
    }
}
