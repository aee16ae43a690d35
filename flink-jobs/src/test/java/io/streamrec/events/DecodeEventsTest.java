package io.streamrec.events;

import static io.streamrec.testing.TestEvents.T0;
import static io.streamrec.testing.TestEvents.event;
import static io.streamrec.testing.TestEvents.search;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.DeadLetter;
import io.streamrec.avro.EventType;
import io.streamrec.avro.UserEvent;
import io.streamrec.config.JobConfig;
import io.streamrec.schemas.AvroCodec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DecodeEventsTest {
    private static final AvroCodec<UserEvent> CODEC = AvroCodec.of(UserEvent.class);
    private OneInputStreamOperatorTestHarness<RawRecord, SourcedEvent> harness;

    @BeforeEach
    void setUp() throws Exception {
        EventValidator validator = new EventValidator(JobConfig.fromMap(Map.of("validation.max-text-chars", "20")));
        harness = ProcessFunctionTestHarnesses.forProcessFunction(new DecodeEvents(validator));
        harness.setProcessingTime(T0);
    }

    private void send(String topic, long offset, byte[] value) throws Exception {
        harness.processElement(new RawRecord(topic, 3, offset, "k".getBytes(StandardCharsets.UTF_8), value), 0);
    }

    private List<DeadLetter> deadLetters() {
        return harness.getSideOutput(DeadLetters.TAG).stream().map(r -> r.getValue()).toList();
    }

    @Test
    void validEventsPassWithTheirSource() throws Exception {
        send("views", 7, CODEC.encode(event("e1", "u1", EventType.VIEW, "i1", T0)));
        send("text-events", 8, CODEC.encode(search("e2", "u1", "red shoes", T0)));
        List<SourcedEvent> out = harness.extractOutputValues();
        assertThat(out).extracting(s -> s.event.getEventId()).containsExactly("e1", "e2");
        assertThat(out.get(0).topic).isEqualTo("views");
        assertThat(out.get(0).offset).isEqualTo(7);
        assertThat(harness.getSideOutput(DeadLetters.TAG)).isNull();
    }

    @Test
    void everyKindOfBadRecordIsADeadLetterWithItsBytesAndReason() throws Exception {
        byte[] garbage = {9, 9, 9};
        send("views", 1, garbage);
        byte[] valid = CODEC.encode(event("e1", "u1", EventType.VIEW, "i1", T0));
        send("views", 2, Arrays.copyOf(valid, valid.length - 3));
        byte[] unknownFingerprint = valid.clone();
        unknownFingerprint[5] ^= 0x7f;
        send("views", 3, unknownFingerprint);
        send("views", 4, CODEC.encode(event("e4", "u1", EventType.UNKNOWN, "i1", T0)));
        send("views", 5, CODEC.encode(event("e5", "u1", EventType.VIEW, null, T0)));
        send("views", 6, CODEC.encode(event("e6", "u1", EventType.PURCHASE, "i1", T0)));
        send("text-events", 7, CODEC.encode(search("e7", "u1", "a query much longer than twenty", T0)));
        send("views", 8, CODEC.encode(event("e8", "u1", EventType.VIEW, "i1", T0 + 2 * 86_400_000L)));
        send("views", 9, CODEC.encode(event("e9", "-42", EventType.VIEW, "i1", T0)));
        send("views", 10, null);

        assertThat(harness.extractOutputValues()).isEmpty();
        List<DeadLetter> dead = deadLetters();
        assertThat(dead).extracting(DeadLetter::getErrorCode).containsExactly(
                "UNDECODABLE", "UNDECODABLE", "UNKNOWN_SCHEMA", "UNKNOWN_EVENT_TYPE", "MISSING_FIELD",
                "WRONG_TOPIC", "TEXT_TOO_LONG", "EVENT_TIME_OUT_OF_RANGE", "INVALID_FIELD", "UNDECODABLE");
        assertThat(dead).extracting(DeadLetter::getSourceOffset).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        DeadLetter first = dead.get(0);
        assertThat(first.getSourceTopic()).isEqualTo("views");
        assertThat(first.getSourcePartition()).isEqualTo(3);
        byte[] kept = new byte[first.getValue().remaining()];
        first.getValue().get(kept);
        assertThat(kept).containsExactly(garbage);
        assertThat(dead.get(2).getError()).contains("unknown schema fingerprint");
        assertThat(dead.get(6).getError()).contains("validation.max-text-chars=20");
    }
}
