package io.streamrec.job;

import static io.streamrec.testing.TestEvents.T0;
import static io.streamrec.testing.TestEvents.event;
import static io.streamrec.testing.TestEvents.item;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.EventType;
import io.streamrec.avro.ForgetAcknowledgement;
import io.streamrec.avro.ForgetRequest;
import io.streamrec.avro.Item;
import io.streamrec.avro.Recommendation;
import io.streamrec.avro.UserEvent;
import io.streamrec.config.JobConfig;
import io.streamrec.recommenders.BaselineRecommender;
import io.streamrec.recommenders.RecommenderSettings;
import io.streamrec.schemas.AvroCodec;
import io.streamrec.state.UserHistory;
import io.streamrec.testing.KafkaBroker;
import io.streamrec.testing.KafkaTestClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.state.api.OperatorIdentifier;
import org.apache.flink.state.api.SavepointReader;
import org.apache.flink.state.api.functions.KeyedStateReaderFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forgetting a user through the real topics, with the job on Flink's local cluster and a real broker: the
 * acknowledgement is committed with the request's id, and a savepoint taken afterwards, read with the State
 * Processor API, holds the other users and not the forgotten one.
 */
class ForgetUserITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    private static final Map<String, String> OPTIONS = Map.of("recommend.min-interval", "0 ms",
            "recommend.recommender", "BASELINE");
    @RegisterExtension
    static final KafkaBroker BROKER = new KafkaBroker();


    @Test
    void aForgottenUserIsAcknowledgedAndAbsentFromTheNextSavepoint(@TempDir Path dir) throws Exception {
        AvroCodec<UserEvent> events = AvroCodec.of(UserEvent.class);
        List<String> users = List.of("alice", "bob", "carol");
        try (KafkaTestClient kafka = new KafkaTestClient(BROKER.bootstrapServers())) {
            for (int i = 0; i < 6; i++) {
                Item item = item("i" + i, "Item " + i, "books");
                kafka.send("items", key(item.getItemId()), AvroCodec.of(Item.class).encode(item));
            }
            int n = 0;
            for (String user : users) {
                for (int i = 0; i < 3; i++) {
                    kafka.send("views", key(user), events.encode(event("e" + n++, user, EventType.VIEW, "i" + i, T0 + n)));
                }
            }

            Map<String, String> options = new HashMap<>(OPTIONS);
            options.put("kafka.bootstrap-servers", BROKER.bootstrapServers());
            options.put("parallelism.default", "2");
            options.put("execution.checkpointing.interval", "1 s");
            options.put("execution.checkpointing.dir", dir.resolve("checkpoints").toUri().toString());
            options.put("sink.transaction-timeout", "1 min");
            Configuration config = JobConfig.fromMap(options);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
            RecommendationJob.onKafka(config).build(env);
            JobClient job = env.executeAsync("it-forget");

            awaitRecords(() -> kafka.readAll("recommendations"), 9, "a committed recommendation per event");
            long requestedAt = Instant.parse("2024-06-01T12:00:00Z").toEpochMilli();
            kafka.send("forget-requests", key("alice"), AvroCodec.of(ForgetRequest.class).encode(ForgetRequest.newBuilder()
                    .setRequestId("gdpr-17").setUserId("alice").setRequestedAt(Instant.ofEpochMilli(requestedAt)).build()));
            List<ConsumerRecord<byte[], byte[]>> acks =
                    awaitRecords(() -> kafka.readAll("forget-acknowledgements"), 1, "the acknowledgement");
            ForgetAcknowledgement ack = AvroCodec.of(ForgetAcknowledgement.class).decode(acks.get(0).value());
            assertThat(new String(acks.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("alice");
            assertThat(ack.getRequestId()).isEqualTo("gdpr-17");
            assertThat(ack.getRequestedAt().toEpochMilli()).isEqualTo(requestedAt);
            assertThat(ack.getForgottenAt()).isAfter(ack.getRequestedAt());
            assertThat(ack.getHadState()).isTrue();
            assertThat(ack.getRecommender()).isEqualTo("baseline");

            String savepoint = job.stopWithSavepoint(false, dir.resolve("savepoints").toUri().toString(),
                    SavepointFormatType.CANONICAL).get();
            StreamExecutionEnvironment reader = StreamExecutionEnvironment.getExecutionEnvironment();
            List<String> stored = new ArrayList<>();
            SavepointReader.read(reader, savepoint, new HashMapStateBackend())
                    .readKeyedState(OperatorIdentifier.forUid(RecommendationJob.Uids.RECOMMENDER), new UsersWithState())
                    .executeAndCollect().forEachRemaining(stored::add);
            assertThat(stored).as("users with state in the savepoint, and their items")
                    .containsExactlyInAnyOrder("bob=i0,i1,i2", "carol=i0,i1,i2");
        }
    }

    /** Every user in the baseline recommender's keyed state, as {@code user=[items]}. */
    static final class UsersWithState extends KeyedStateReaderFunction<String, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<UserHistory> users;

        @Override
        public void open(OpenContext openContext) {
            RecommenderSettings settings = Settings.recommender(JobConfig.fromMap(OPTIONS));
            users = getRuntimeContext().getState(
                    RecommenderFunction.userStateDescriptor(new BaselineRecommender(settings, 0, 1)));
        }

        @Override
        public void readKey(String user, Context context, Collector<String> out) throws Exception {
            UserHistory history = users.value();
            if (history != null) {
                out.collect(user + "=" + String.join(",", history.itemIds));
            }
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> awaitRecords(
            Supplier<List<ConsumerRecord<byte[], byte[]>>> read, int atLeast, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 300_000; // generous: the wait ends when the records are there
        List<ConsumerRecord<byte[], byte[]>> records = read.get();
        while (records.size() < atLeast) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what + ": " + records.size() + " of " + atLeast);
            }
            Thread.sleep(500);
            records = read.get();
        }
        return records;
    }

    private static byte[] key(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
