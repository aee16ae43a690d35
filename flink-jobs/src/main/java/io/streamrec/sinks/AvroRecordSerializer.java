package io.streamrec.sinks;

import io.streamrec.schemas.AvroCodec;
import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes Avro records single-object encoded, keyed by a field (e.g. user id) so a key's order holds. */
public class AvroRecordSerializer<T extends SpecificRecordBase> implements KafkaRecordSerializationSchema<T> {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private final AvroCodec<T> codec;
    private final SerializableFunction<T, String> key;

    public AvroRecordSerializer(String topic, Class<T> type, SerializableFunction<T, String> key) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic must be set for " + type.getSimpleName() + " records");
        }
        this.topic = topic;
        this.codec = AvroCodec.of(type);
        this.key = key;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp) {
        String k = key == null ? null : key.apply(element);
        return new ProducerRecord<>(topic, null, timestamp,
                k == null ? null : k.getBytes(StandardCharsets.UTF_8), codec.encode(element));
    }
}
