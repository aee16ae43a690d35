package io.streamrec.events;

import io.streamrec.config.KafkaOptions;
import io.streamrec.config.ModelOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** The job's Kafka sources: raw records, decoded later so bad bytes reach the dead-letter topic. */
public final class KafkaSources {
    private KafkaSources() {}

    /** Every event topic: the per-type topics and any combined ones. */
    public static List<String> eventTopics(ReadableConfig config) {
        LinkedHashSet<String> topics = new LinkedHashSet<>();
        topics.add(config.get(KafkaOptions.TOPIC_VIEWS));
        topics.add(config.get(KafkaOptions.TOPIC_CLICKS));
        topics.add(config.get(KafkaOptions.TOPIC_PURCHASES));
        topics.add(config.get(KafkaOptions.TOPIC_TEXT_EVENTS));
        topics.addAll(config.get(KafkaOptions.TOPICS_COMBINED_EVENTS));
        return new ArrayList<>(topics);
    }

    public static KafkaSource<RawRecord> events(ReadableConfig config) {
        return source(config, eventTopics(config), "events");
    }

    /** The catalogue is read from the beginning every time: it is a compacted table, not a log. */
    public static KafkaSource<RawRecord> items(ReadableConfig config) {
        return source(config, List.of(config.get(KafkaOptions.TOPIC_ITEMS)), "items");
    }

    /**
     * The model's log. Without a checkpoint it is read from the beginning (the model is rebuilt from it)
     * or from the end, as {@code learning.rebuild-from-log} says; after a restore, from the checkpoint.
     */
    public static KafkaSource<RawRecord> modelUpdates(ReadableConfig config) {
        return source(config, List.of(config.get(KafkaOptions.TOPIC_MODEL_UPDATES)), "model-updates");
    }

    /** Requests to forget a user, read like the events (from the committed offsets, else the earliest). */
    public static KafkaSource<RawRecord> forgetRequests(ReadableConfig config) {
        return source(config, List.of(config.get(KafkaOptions.TOPIC_FORGET_REQUESTS)), "forget-requests");
    }

    private static KafkaSource<RawRecord> source(ReadableConfig config, List<String> topics, String name) {
        Properties props = new Properties();
        props.putAll(config.get(KafkaOptions.CLIENT_PROPERTIES));
        props.setProperty("isolation.level", "read_committed");
        props.setProperty("partition.discovery.interval.ms", "60000");
        KafkaSourceBuilder<RawRecord> builder = KafkaSource.<RawRecord>builder()
                .setBootstrapServers(config.get(KafkaOptions.BOOTSTRAP_SERVERS))
                .setTopics(topics)
                .setGroupId(config.get(KafkaOptions.GROUP_ID) + "-" + name)
                .setClientIdPrefix(config.get(KafkaOptions.GROUP_ID) + "-" + name)
                .setDeserializer(new RawRecordDeserializer())
                .setProperties(props)
                .setStartingOffsets(startingOffsets(config, name));
        if (config.get(KafkaOptions.BOUNDED)) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    private static OffsetsInitializer startingOffsets(ReadableConfig config, String name) {
        if (name.equals("items")) {
            return OffsetsInitializer.earliest();
        }
        if (name.equals("model-updates")) {
            return config.get(ModelOptions.REBUILD_FROM_LOG) ? OffsetsInitializer.earliest() : OffsetsInitializer.latest();
        }
        return switch (config.get(KafkaOptions.STARTING_OFFSETS)) {
            case EARLIEST -> OffsetsInitializer.earliest();
            case LATEST -> OffsetsInitializer.latest();
            case COMMITTED_OR_EARLIEST -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
        };
    }
}
