package io.streamrec.events;

import io.streamrec.avro.DeadLetter;
import io.streamrec.avro.UserEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.util.OutputTag;

/** Building dead letters, and the side output every validating operator writes them to. */
public final class DeadLetters {
    /** Side output of the operators that reject input. */
    public static final OutputTag<DeadLetter> TAG = new OutputTag<>("dead-letters") {};

    private DeadLetters() {}

    /** A repeated event: the record re-encoded (the same bytes for the same schema), with where it came from. */
    public static DeadLetter duplicate(SourcedEvent in, byte[] encodedEvent, long nowMillis) {
        UserEvent event = in.event;
        return of(in.topic, in.partition, in.offset, event.getUserId().getBytes(StandardCharsets.UTF_8), encodedEvent,
                Rejection.of(Rejection.DUPLICATE_EVENT, "event_id " + event.getEventId()
                        + " was already processed for user " + event.getUserId()), nowMillis);
    }

    public static DeadLetter of(RawRecord raw, Rejection rejection, long nowMillis) {
        return of(raw.topic, raw.partition, raw.offset, raw.key, raw.value, rejection, nowMillis);
    }

    public static DeadLetter of(String topic, int partition, long offset, byte[] key, byte[] value,
            Rejection rejection, long nowMillis) {
        return DeadLetter.newBuilder()
                .setSourceTopic(topic)
                .setSourcePartition(partition)
                .setSourceOffset(offset)
                .setKey(key == null ? null : ByteBuffer.wrap(key))
                .setValue(value == null ? null : ByteBuffer.wrap(value))
                .setErrorCode(rejection.code())
                .setError(rejection.message())
                .setFailedAt(Instant.ofEpochMilli(nowMillis))
                .build();
    }
}
