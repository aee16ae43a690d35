package io.streamrec.config;

import io.streamrec.schemas.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Where the job reads and writes: the broker, the topics, and how the sinks deliver. */
public final class KafkaOptions {
    private KafkaOptions() {}

    public static final ConfigOption<String> BOOTSTRAP_SERVERS = ConfigOptions.key("kafka.bootstrap-servers")
            .stringType()
            .defaultValue("127.0.0.1:9092")
            .withDescription("Kafka bootstrap servers, host:port[,host:port...].");

    public static final ConfigOption<String> GROUP_ID = ConfigOptions.key("kafka.group-id")
            .stringType()
            .defaultValue("streamrec")
            .withDescription("Consumer group of the job's Kafka sources (offsets are committed on checkpoints).");

    public static final ConfigOption<Map<String, String>> CLIENT_PROPERTIES = ConfigOptions.key("kafka.client-properties")
            .mapType()
            .defaultValue(Map.of())
            .withDescription("Extra Kafka client settings for every source and sink, e.g. "
                    + "'security.protocol:SASL_SSL,sasl.mechanism:SCRAM-SHA-512,sasl.jaas.config:...'. "
                    + "Values of keys that look secret (password, jaas, secret, key) are masked in logs.");

    public static final ConfigOption<StartingOffsets> STARTING_OFFSETS = ConfigOptions.key("kafka.starting-offsets")
            .enumType(StartingOffsets.class)
            .defaultValue(StartingOffsets.COMMITTED_OR_EARLIEST)
            .withDescription("Where the sources start when there is no checkpoint.");

    public static final ConfigOption<Boolean> BOUNDED = ConfigOptions.key("kafka.bounded")
            .booleanType()
            .defaultValue(false)
            .withDescription("Stop at the offsets that were latest when the job started (replays, tests); "
                    + "false runs forever.");

    public static final ConfigOption<String> TOPIC_VIEWS = topic(Topic.VIEWS);
    public static final ConfigOption<String> TOPIC_CLICKS = topic(Topic.CLICKS);
    public static final ConfigOption<String> TOPIC_PURCHASES = topic(Topic.PURCHASES);
    public static final ConfigOption<String> TOPIC_TEXT_EVENTS = topic(Topic.TEXT_EVENTS);
    public static final ConfigOption<String> TOPIC_ITEMS = topic(Topic.ITEMS);
    public static final ConfigOption<String> TOPIC_RECOMMENDATIONS = topic(Topic.RECOMMENDATIONS);
    public static final ConfigOption<String> TOPIC_MODEL_UPDATES = topic(Topic.MODEL_UPDATES);
    public static final ConfigOption<String> TOPIC_DEAD_LETTERS = topic(Topic.DEAD_LETTERS);
    public static final ConfigOption<String> TOPIC_FORGET_REQUESTS = topic(Topic.FORGET_REQUESTS);
    public static final ConfigOption<String> TOPIC_FORGET_ACKNOWLEDGEMENTS = topic(Topic.FORGET_ACKNOWLEDGEMENTS);

    public static final ConfigOption<List<String>> TOPICS_COMBINED_EVENTS = ConfigOptions.key("topics.combined-events")
            .stringType()
            .asList()
            .defaultValues()
            .withDescription("Further event topics that may carry any event type (one combined topic instead of, "
                    + "or besides, the per-type topics).");

    public static final ConfigOption<DeliveryMode> DELIVERY_GUARANTEE = ConfigOptions.key("sink.delivery-guarantee")
            .enumType(DeliveryMode.class)
            .defaultValue(DeliveryMode.EXACTLY_ONCE)
            .withDescription("EXACTLY_ONCE: transactional writes, visible to read_committed consumers at each "
                    + "checkpoint. AT_LEAST_ONCE: visible at once; duplicates after a failure carry the same "
                    + "recommendation_id, so consumers can de-duplicate.");

    public static final ConfigOption<Duration> SINK_LINGER = ConfigOptions.key("sink.linger")
            .durationType()
            .defaultValue(Duration.ofMillis(5))
            .withDescription("linger.ms of the sinks' producers: how long a record may wait for others to fill "
                    + "its batch. 0 sends each at once; a few milliseconds make fewer, larger requests, which "
                    + "saves the broker's and the job's CPU at high rates (Kafka's own default is 5 ms). A "
                    + "linger.ms in kafka.client-properties takes precedence.");

    public static final ConfigOption<Duration> TRANSACTION_TIMEOUT = ConfigOptions.key("sink.transaction-timeout")
            .durationType()
            .defaultValue(Duration.ofMinutes(10))
            .withDescription("transaction.timeout.ms of the exactly-once sinks; must not exceed the broker's "
                    + "transaction.max.timeout.ms (15 min by default) and must exceed the checkpoint interval.");

    public static final ConfigOption<String> TRANSACTIONAL_ID_PREFIX = ConfigOptions.key("sink.transactional-id-prefix")
            .stringType()
            .noDefaultValue()
            .withDescription("Prefix of the sinks' transactional ids; must be unique per job on a cluster. "
                    + "Default: the job name.");

    private static ConfigOption<String> topic(Topic topic) {
        return ConfigOptions.key("topics." + topic.defaultName())
                .stringType()
                .defaultValue(topic.defaultName())
                .withDescription(topic.description());
    }

    /** Starting position of the Kafka sources. */
    public enum StartingOffsets {
        COMMITTED_OR_EARLIEST,
        EARLIEST,
        LATEST
    }

    /** Delivery guarantee of the Kafka sinks. */
    public enum DeliveryMode {
        EXACTLY_ONCE,
        AT_LEAST_ONCE
    }
}
