package io.streamrec.tools;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from the beginning to the end offsets it has when the read starts. With
 * read_committed the end is the last stable offset, aborted records are skipped, and transaction
 * markers are passed over, so the records seen are exactly the committed ones; offsets alone would
 * count the markers too.
 */
public final class TopicReader {
    /** How long a read may go without advancing before it gives up. */
    static final Duration STALL_TIMEOUT = Duration.ofSeconds(30);

    private TopicReader() {}

    /** All records of {@code topic}, partition by partition in offset order. */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrap, String topic,
            IsolationLevel isolation) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        scan(bootstrap, topic, isolation, records::add);
        return records;
    }

    /** Hands every record of {@code topic} below its current end offsets to {@code sink}. */
    public static void scan(String bootstrap, String topic, IsolationLevel isolation,
            Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        KafkaClients.requireTopics(bootstrap, List.of(topic), Duration.ofSeconds(15));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                KafkaClients.consumerProps(bootstrap, isolation), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Set<TopicPartition> unfinished = new HashSet<>(partitions);
            unfinished.removeIf(p -> consumer.position(p) >= end.get(p));
            long lastProgress = System.nanoTime();
            while (!unfinished.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition p = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < end.get(p)) {
                        sink.accept(record);
                    }
                    lastProgress = System.nanoTime();
                }
                // The position also moves past transaction markers and aborted records.
                if (unfinished.removeIf(p -> consumer.position(p) >= end.get(p))) {
                    lastProgress = System.nanoTime();
                }
                if (System.nanoTime() - lastProgress > STALL_TIMEOUT.toNanos()) {
                    throw new IllegalStateException("reading " + topic + " from " + bootstrap + " stalled for "
                            + STALL_TIMEOUT.toSeconds() + " s; unfinished partitions " + describe(consumer, unfinished,
                            end));
                }
            }
            consumer.pause(partitions);
        }
    }

    private static String describe(KafkaConsumer<?, ?> consumer, Set<TopicPartition> partitions,
            Map<TopicPartition, Long> end) {
        StringBuilder sb = new StringBuilder();
        for (TopicPartition p : partitions) {
            sb.append(p).append(" at ").append(consumer.position(p)).append(" of ").append(end.get(p)).append("; ");
        }
        return sb.toString();
    }
}
