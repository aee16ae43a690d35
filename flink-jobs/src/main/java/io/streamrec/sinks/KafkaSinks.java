package io.streamrec.sinks;

import io.streamrec.avro.DeadLetter;
import io.streamrec.avro.ForgetAcknowledgement;
import io.streamrec.avro.ModelUpdate;
import io.streamrec.avro.Recommendation;
import io.streamrec.config.JobOptions;
import io.streamrec.config.KafkaOptions;
import java.time.Duration;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.util.function.SerializableFunction;

/** The job's Kafka sinks, configured from the options and checked before the job starts. */
public final class KafkaSinks {
    /** The broker default of transaction.max.timeout.ms; a longer sink timeout is refused by Kafka. */
    static final Duration BROKER_DEFAULT_MAX_TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

    private KafkaSinks() {}

    public static KafkaSink<Recommendation> recommendations(ReadableConfig config) {
        return build(config, config.get(KafkaOptions.TOPIC_RECOMMENDATIONS), Recommendation.class,
                Recommendation::getUserId, "recommendations");
    }

    public static KafkaSink<DeadLetter> deadLetters(ReadableConfig config) {
        return build(config, config.get(KafkaOptions.TOPIC_DEAD_LETTERS), DeadLetter.class,
                DeadLetter::getSourceTopic, "dead-letters");
    }

    /** The model's log: one partition, so every ranker applies the updates in one order. */
    public static KafkaSink<ModelUpdate> modelUpdates(ReadableConfig config) {
        return build(config, config.get(KafkaOptions.TOPIC_MODEL_UPDATES), ModelUpdate.class,
                ModelUpdate::getModelName, "model-updates");
    }

    /** One acknowledgement per forget request, keyed by user id. */
    public static KafkaSink<ForgetAcknowledgement> forgetAcknowledgements(ReadableConfig config) {
        return build(config, config.get(KafkaOptions.TOPIC_FORGET_ACKNOWLEDGEMENTS), ForgetAcknowledgement.class,
                ForgetAcknowledgement::getUserId, "forget-acknowledgements");
    }

    private static <T extends SpecificRecordBase> KafkaSink<T> build(ReadableConfig config, String topic,
            Class<T> type, SerializableFunction<T, String> key, String sinkName) {
        KafkaOptions.DeliveryMode mode = config.get(KafkaOptions.DELIVERY_GUARANTEE);
        Properties props = producerProperties(config);
        var builder = KafkaSink.<T>builder()
                .setBootstrapServers(config.get(KafkaOptions.BOOTSTRAP_SERVERS))
                .setKafkaProducerConfig(props)
                .setRecordSerializer(new AvroRecordSerializer<>(topic, type, key));
        if (mode == KafkaOptions.DeliveryMode.EXACTLY_ONCE) {
            Duration timeout = transactionTimeout(config);
            builder.setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                    .setTransactionalIdPrefix(transactionalIdPrefix(config) + "-" + sinkName)
                    .setProperty("transaction.timeout.ms", Long.toString(timeout.toMillis()));
        } else {
            builder.setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                    .setProperty("enable.idempotence", "true");
        }
        return builder.build();
    }

    /** The producer settings every sink starts from: the sink options, then the client properties over them. */
    static Properties producerProperties(ReadableConfig config) {
        Properties props = new Properties();
        props.setProperty("linger.ms", Long.toString(config.get(KafkaOptions.SINK_LINGER).toMillis()));
        props.putAll(config.get(KafkaOptions.CLIENT_PROPERTIES));
        return props;
    }

    /** The configured transaction timeout, checked against the broker maximum and the checkpoint interval. */
    static Duration transactionTimeout(ReadableConfig config) {
        Duration timeout = config.get(KafkaOptions.TRANSACTION_TIMEOUT);
        if (timeout.compareTo(BROKER_DEFAULT_MAX_TRANSACTION_TIMEOUT) > 0) {
            throw new IllegalArgumentException(KafkaOptions.TRANSACTION_TIMEOUT.key() + "=" + timeout
                    + " exceeds the broker's default transaction.max.timeout.ms (15 min); the broker would refuse "
                    + "the sink's transactions. Lower it or raise the broker limit and this check together.");
        }
        Duration interval = config.getOptional(CheckpointingOptions.CHECKPOINTING_INTERVAL).orElse(null);
        if (interval != null && !interval.isZero() && timeout.compareTo(interval) <= 0) {
            throw new IllegalArgumentException(KafkaOptions.TRANSACTION_TIMEOUT.key() + "=" + timeout
                    + " must exceed the checkpoint interval " + interval
                    + ": a transaction stays open until the next checkpoint commits it.");
        }
        return timeout;
    }

    static String transactionalIdPrefix(ReadableConfig config) {
        return config.getOptional(KafkaOptions.TRANSACTIONAL_ID_PREFIX).orElse(config.get(JobOptions.JOB_NAME));
    }
}
