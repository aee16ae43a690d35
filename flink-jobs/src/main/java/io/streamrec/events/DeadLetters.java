package io.streamrec.events;

import io.streamrec.avro.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.flink.util.OutputTag;

/** Building dead letters, and the side output every validating operator writes them to. */
public final class DeadLetters {
    /** Side output of the operators that reject input. */
    public static final OutputTag<DeadLetter> TAG = new OutputTag<>("dead-letters") {};

    private DeadLetters() {}

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
