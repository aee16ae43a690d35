package io.streamrec.reliability.support;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Item;
import io.streamrec.avro.UserEvent;
import io.streamrec.schemas.AvroCodec;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Malformed event records of many kinds, each with the dead-letter code the job must give it. Built
 * from a valid event so that everything but the one defect is realistic.
 */
public final class BadRecords {
    private static final AvroCodec<UserEvent> EVENTS = AvroCodec.of(UserEvent.class);
    private static final AvroCodec<Item> ITEMS = AvroCodec.of(Item.class);

    /** A bad record: its key, value, and expected error code. */
    public record Bad(String kind, String key, byte[] value, String code) {}

    public enum Kind {
        RANDOM_BYTES, TRUNCATED_AVRO, UNKNOWN_FINGERPRINT, MISSING_EVENT_ID, BLANK_USER_ID, NEGATIVE_USER_ID,
        NEGATIVE_ITEM_ID, FUTURE_TIME, PAST_TIME, EMPTY_SEARCH_TEXT, HUGE_TEXT, UNKNOWN_TYPE, ID_TOO_LONG
    }

    private BadRecords() {}

    /** A bad record of {@code kind} derived from the valid event {@code e}. */
    public static Bad event(Kind kind, UserEvent e, Random random, int n) {
        UserEvent c = UserEvent.newBuilder(e).setEventId("bad-" + n).build();
        String key = e.getUserId();
        return switch (kind) {
            case RANDOM_BYTES -> {
                byte[] b = new byte[1 + random.nextInt(200)];
                random.nextBytes(b);
                b[0] = (byte) random.nextInt(0x80); // never the single-object marker 0xC3
                yield new Bad(kind.name(), key, b, "UNDECODABLE");
            }
            case TRUNCATED_AVRO -> {
                byte[] full = EVENTS.encode(c);
                yield new Bad(kind.name(), key, Arrays.copyOf(full, 10 + random.nextInt(full.length - 10)), "UNDECODABLE");
            }
            case UNKNOWN_FINGERPRINT -> {
                byte[] b = EVENTS.encode(c);
                for (int i = 2; i < 10; i++) {
                    b[i] = (byte) random.nextInt(256);
                }
                yield new Bad(kind.name(), key, b, "UNKNOWN_SCHEMA");
            }
            case MISSING_EVENT_ID -> bad(kind, key, UserEvent.newBuilder(c).setEventId("").build(), "MISSING_FIELD");
            case BLANK_USER_ID -> bad(kind, key, UserEvent.newBuilder(c).setUserId("  ").build(), "MISSING_FIELD");
            case NEGATIVE_USER_ID -> bad(kind, key, UserEvent.newBuilder(c).setUserId("-" + (1 + random.nextInt(1000))).build(), "INVALID_FIELD");
            case NEGATIVE_ITEM_ID -> bad(kind, key, UserEvent.newBuilder(c).setType(EventType.VIEW)
                    .setItemId("-" + (1 + random.nextInt(1000))).setText(null).setRating(null).build(), "INVALID_FIELD");
            case ID_TOO_LONG -> bad(kind, key, UserEvent.newBuilder(c).setEventId("x".repeat(201)).build(), "INVALID_FIELD");
            case FUTURE_TIME -> bad(kind, key, UserEvent.newBuilder(c).setEventTime(Instant.parse("2999-01-01T00:00:00Z")).build(),
                    "EVENT_TIME_OUT_OF_RANGE");
            case PAST_TIME -> bad(kind, key, UserEvent.newBuilder(c).setEventTime(Instant.ofEpochMilli(random.nextInt(1_000_000))).build(),
                    "EVENT_TIME_OUT_OF_RANGE");
            case EMPTY_SEARCH_TEXT -> bad(kind, key, UserEvent.newBuilder(c).setType(EventType.SEARCH).setItemId(null).setRating(null)
                    .setText(random.nextBoolean() ? "" : "   ").build(), "MISSING_FIELD");
            case HUGE_TEXT -> bad(kind, key, UserEvent.newBuilder(c).setType(EventType.REVIEW).setRating(null)
                    .setItemId(e.getItemId() == null ? "i-1" : e.getItemId())
                    .setText("too long ".repeat(600)).build(), "TEXT_TOO_LONG");
            case UNKNOWN_TYPE -> bad(kind, key, UserEvent.newBuilder(c).setType(EventType.UNKNOWN).build(), "UNKNOWN_EVENT_TYPE");
        };
    }

    private static Bad bad(Kind kind, String key, UserEvent e, String code) {
        return new Bad(kind.name(), key, EVENTS.encode(e), code);
    }

    /** Bad catalogue records: image vectors of the wrong dimension, no title, a negative id. */
    public static List<Bad> items(Item template, int n, int expectedDimension) {
        Item wrongDim = Item.newBuilder(template).setItemId("bad-dim-" + n)
                .setImageVector(java.util.Collections.nCopies(expectedDimension + 1 + n % 3, 0.5f)).build();
        Item noTitle = Item.newBuilder(template).setItemId("bad-title-" + n).setTitle(" ").build();
        Item negative = Item.newBuilder(template).setItemId("-" + (n + 1)).build();
        return List.of(new Bad("WRONG_DIMENSION", wrongDim.getItemId(), ITEMS.encode(wrongDim), "BAD_VECTOR"),
                new Bad("NO_TITLE", noTitle.getItemId(), ITEMS.encode(noTitle), "MISSING_FIELD"),
                new Bad("NEGATIVE_ITEM_ID", negative.getItemId(), ITEMS.encode(negative), "INVALID_FIELD"));
    }
}
