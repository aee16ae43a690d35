package io.streamrec.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.avro.EventType;
import io.streamrec.avro.UserEvent;
import io.streamrec.schemas.AvroCodec;
import io.streamrec.schemas.Topic;
import io.streamrec.schemas.UndecodableRecordException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BadRecordsTest {
    private static final AvroCodec<UserEvent> CODEC = AvroCodec.of(UserEvent.class);
    private static final Instant TIME = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void cyclesOverTopicsAndKinds() {
        assertThat(BadRecords.topicOf(0)).isEqualTo(Topic.VIEWS);
        assertThat(BadRecords.topicOf(3)).isEqualTo(Topic.TEXT_EVENTS);
        assertThat(BadRecords.topicOf(5)).isEqualTo(Topic.CLICKS);
        assertThat(BadRecords.kindOf(4)).isEqualTo(BadRecords.Kind.TRUNCATED_AVRO);
        assertThat(BadRecords.create(7, 1, TIME).topic()).isEqualTo(Topic.TEXT_EVENTS);
    }

    @Test
    void everyBadRecordIsRejectedForTheRightReason() {
        for (long seed = 0; seed < 50; seed++) {
            for (int i = 0; i < 12; i++) {
                BadRecords.BadRecord bad = BadRecords.create(i, seed, TIME);
                switch (bad.kind()) {
                    case RANDOM_BYTES -> assertThatThrownBy(() -> CODEC.decode(bad.value()))
                            .isInstanceOfSatisfying(UndecodableRecordException.class,
                                    e -> assertThat(e.reason()).isEqualTo(UndecodableRecordException.Reason.BAD_HEADER));
                    case TRUNCATED_AVRO -> assertThatThrownBy(() -> CODEC.decode(bad.value()))
                            .isInstanceOfSatisfying(UndecodableRecordException.class,
                                    e -> assertThat(e.reason()).isEqualTo(UndecodableRecordException.Reason.MALFORMED));
                    case MISSING_ITEM_ID -> {
                        UserEvent event = decode(bad.value());
                        assertThat(event.getItemId()).isNull();
                        assertThat(event.getType()).isNotEqualTo(EventType.SEARCH);
                        assertThat(ReplayProducer.topicOf(event.getType())).isEqualTo(bad.topic());
                    }
                }
            }
        }
    }

    @Test
    void deterministicForTheSeed() {
        assertThat(BadRecords.create(0, 9, TIME).value()).isEqualTo(BadRecords.create(0, 9, TIME).value());
        assertThat(BadRecords.create(0, 9, TIME).value()).isNotEqualTo(BadRecords.create(0, 10, TIME).value());
    }

    private static UserEvent decode(byte[] value) {
        try {
            return CODEC.decode(value);
        } catch (UndecodableRecordException e) {
            throw new AssertionError(e);
        }
    }
}
