package io.streamrec.reliability.support;

import io.streamrec.avro.Item;
import io.streamrec.avro.UserEvent;
import io.streamrec.local.kafka.KafkaBrokerProcess;
import io.streamrec.local.kafka.TopicAdmin;
import io.streamrec.schemas.AvroCodec;
import io.streamrec.schemas.Topic;
import io.streamrec.tools.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** A real broker for one test class, with an idempotent producer and read_committed reads. */
public final class Kafka implements AutoCloseable {
    private static final AvroCodec<UserEvent> EVENTS = AvroCodec.of(UserEvent.class);
    private static final AvroCodec<Item> ITEMS = AvroCodec.of(Item.class);

    private KafkaBrokerProcess broker;
    private volatile KafkaProducer<byte[], byte[]> producer;

    private Kafka(KafkaBrokerProcess broker) {
        this.broker = broker;
        this.producer = newProducer();
    }

    private KafkaProducer<byte[], byte[]> newProducer() {
        Properties p = new Properties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // Idempotent, so a send retried across a broker restart is written once.
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Starts a broker on free ports and creates the product's topics. */
    public static Kafka start() throws Exception {
        KafkaBrokerProcess broker = KafkaBrokerProcess.startEphemeral();
        try {
            TopicAdmin.createTopics(broker.bootstrapServers());
            return new Kafka(broker);
        } catch (Exception e) {
            broker.close();
            throw e;
        }
    }

    public String bootstrap() {
        return broker.bootstrapServers();
    }

    public KafkaBrokerProcess broker() {
        return broker;
    }

    /** Stops the broker cleanly (SIGTERM) and starts it again on the same ports and data after {@code down}. */
    public void bounce(Duration down) throws Exception {
        // The test's producer is replaced, as a producing application would restart: in our runs an idempotent
        // producer kept across the restart sometimes never completed flush() (the job itself recovered).
        producer.close(Duration.ofSeconds(10));
        broker.close();
        Thread.sleep(down.toMillis());
        broker = broker.restart(Await.LONG);
        producer = newProducer();
    }

    public Future<RecordMetadata> send(String topic, String key, byte[] value) {
        return producer.send(new ProducerRecord<>(topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value));
    }

    public Future<RecordMetadata> sendEvent(UserEvent e) {
        return send(topicOf(e), e.getUserId(), EVENTS.encode(e));
    }

    public void sendItems(List<Item> items) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (Item item : items) {
            sent.add(send(Topic.ITEMS.defaultName(), item.getItemId(), ITEMS.encode(item)));
        }
        for (Future<RecordMetadata> f : sent) {
            f.get();
        }
    }

    public void flush() {
        producer.flush();
    }

    /** The topic an event of this type belongs on. */
    public static String topicOf(UserEvent e) {
        return switch (e.getType()) {
            case VIEW -> Topic.VIEWS.defaultName();
            case CLICK -> Topic.CLICKS.defaultName();
            case PURCHASE -> Topic.PURCHASES.defaultName();
            default -> Topic.TEXT_EVENTS.defaultName();
        };
    }

    /** Every committed record of {@code topic}, decoded. */
    public <T extends SpecificRecordBase> List<T> readCommitted(String topic, Class<T> type) {
        AvroCodec<T> codec = AvroCodec.of(type);
        List<T> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(bootstrap(), topic, IsolationLevel.READ_COMMITTED)) {
            try {
                out.add(codec.decode(r.value()));
            } catch (Exception e) {
                throw new AssertionError("undecodable record on " + topic + " at " + r.offset(), e);
            }
        }
        return out;
    }

    /**
     * The sum of the read_committed end offsets (last stable offsets) of {@code topic}: it grows when a
     * transaction commits, so it shows new committed output without reading the records.
     */
    public long committedEnd(String topic) {
        Properties c = new Properties();
        c.put(org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        c.put(org.apache.kafka.clients.consumer.ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(c,
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> parts = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(p -> parts.add(new org.apache.kafka.common.TopicPartition(topic, p.partition())));
            return consumer.endOffsets(parts, Duration.ofSeconds(10)).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    @Override
    public void close() {
        try {
            producer.close(Duration.ofSeconds(5));
        } finally {
            broker.close();
        }
    }
}
