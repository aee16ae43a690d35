package io.streamrec.job;

import static io.streamrec.testing.TestEvents.T0;
import static io.streamrec.testing.TestEvents.event;
import static io.streamrec.testing.TestEvents.item;
import static io.streamrec.testing.TestEvents.search;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.DeadLetter;
import io.streamrec.avro.EventType;
import io.streamrec.avro.Item;
import io.streamrec.avro.Recommendation;
import io.streamrec.avro.UserEvent;
import io.streamrec.config.JobConfig;
import io.streamrec.schemas.AvroCodec;
import io.streamrec.testing.KafkaBroker;
import io.streamrec.testing.KafkaTestClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on Flink's local cluster against a real Kafka broker, exactly-once: every valid event is
 * reflected by exactly one committed recommendation, every bad record is a dead letter with its reason.
 */
class RecommendationJobITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    @RegisterExtension
    static final KafkaBroker BROKER = new KafkaBroker();
    private static final AvroCodec<UserEvent> EVENTS = AvroCodec.of(UserEvent.class);
    private static final AvroCodec<Item> ITEMS = AvroCodec.of(Item.class);


    @Test
    void everyValidEventIsRecommendedOnceAndEveryBadRecordIsADeadLetter(@TempDir java.nio.file.Path checkpoints)
            throws Exception {
        List<UserEvent> valid = new ArrayList<>();
        Map<String, String> expectedDeadLetters = new TreeMap<>(); // "topic/kind#n" -> error code
        int badCount = 0;
        try (KafkaTestClient kafka = new KafkaTestClient(BROKER.bootstrapServers())) {
            for (int i = 0; i < 20; i++) {
                Item item = item("i" + i, "Item number " + i, i < 10 ? "books" : "music");
                kafka.send("items", key(item.getItemId()), ITEMS.encode(item));
            }
            Item untitled = item("i-bad", "x", "books");
            untitled.setTitle(" ");
            kafka.send("items", key("i-bad"), ITEMS.encode(untitled));
            badCount++;

            Random random = new Random(7);
            String[] topics = {"views", "clicks", "purchases"};
            EventType[] types = {EventType.VIEW, EventType.CLICK, EventType.PURCHASE};
            for (int n = 0; n < 300; n++) {
                String user = "u" + (n % 12);
                long time = T0 + n * 1000L;
                UserEvent e;
                String topic;
                if (n % 25 == 0) {
                    e = search("e" + n, user, "books about item " + n, time);
                    topic = "text-events";
                } else {
                    int t = random.nextInt(3);
                    e = event("e" + n, user, types[t], "i" + random.nextInt(20), time);
                    topic = topics[t];
                }
                kafka.send(topic, key(user), EVENTS.encode(e));
                valid.add(e);
            }
            // Bad input of several kinds, interleaved after the valid events of the same users.
            kafka.send("views", key("u1"), new byte[] {1, 2, 3, 4, 5});
            kafka.send("clicks", key("u2"), "not avro at all".getBytes(StandardCharsets.UTF_8));
            UserEvent unknownType = event("bad-type", "u3", EventType.UNKNOWN, "i1", T0);
            kafka.send("views", key("u3"), EVENTS.encode(unknownType));
            UserEvent noItem = event("bad-item", "u4", EventType.VIEW, null, T0);
            kafka.send("views", key("u4"), EVENTS.encode(noItem));
            UserEvent future = event("bad-time", "u5", EventType.VIEW, "i1", Instant.parse("2999-01-01T00:00:00Z").toEpochMilli());
            kafka.send("views", key("u5"), EVENTS.encode(future));
            UserEvent wrongTopic = event("bad-topic", "u6", EventType.PURCHASE, "i1", T0);
            kafka.send("views", key("u6"), EVENTS.encode(wrongTopic));
            // A replay of an event already processed: same id, same user, same partition.
            UserEvent original = valid.stream().filter(v -> v.getType() == EventType.VIEW).findFirst().orElseThrow();
            kafka.send("views", key(original.getUserId()), EVENTS.encode(original));
            badCount += 7;
            expectedDeadLetters.put("UNDECODABLE", "2");
            expectedDeadLetters.put("UNKNOWN_EVENT_TYPE", "1");
            expectedDeadLetters.put("MISSING_FIELD", "2"); // the event without item and the untitled item
            expectedDeadLetters.put("EVENT_TIME_OUT_OF_RANGE", "1");
            expectedDeadLetters.put("WRONG_TOPIC", "1");
            expectedDeadLetters.put("DUPLICATE_EVENT", "1");
        }

        Map<String, String> options = new HashMap<>();
        options.put("kafka.bootstrap-servers", BROKER.bootstrapServers());
        options.put("kafka.bounded", "true");
        options.put("recommend.min-interval", "0 ms");
        options.put("recommend.recommender", "BASELINE");
        options.put("parallelism.default", "2");
        options.put("execution.checkpointing.interval", "1 s");
        options.put("execution.checkpointing.dir", checkpoints.toUri().toString());
        options.put("sink.transaction-timeout", "1 min");
        Configuration config = JobConfig.fromMap(options);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        RecommendationJob.onKafka(config).build(env);
        env.execute("it-recommendations");

        try (KafkaTestClient kafka = new KafkaTestClient(BROKER.bootstrapServers())) {
            AvroCodec<Recommendation> recCodec = AvroCodec.of(Recommendation.class);
            List<Recommendation> recs = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> r : kafka.readAll("recommendations")) {
                Recommendation rec = recCodec.decode(r.value());
                assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(rec.getUserId());
                recs.add(rec);
            }
            List<String> triggers = recs.stream().map(Recommendation::getTriggerEventId).sorted().toList();
            List<String> expected = valid.stream().map(UserEvent::getEventId).sorted().toList();
            assertThat(triggers).as("one committed recommendation per valid event, no duplicates")
                    .containsExactlyElementsOf(expected);
            for (Recommendation rec : recs) {
                assertThat(rec.getItems()).hasSizeLessThanOrEqualTo(10);
                assertThat(rec.getRecommender()).isEqualTo("baseline");
                assertThat(rec.getRecommendationId()).isEqualTo("rec-" + rec.getTriggerEventId());
                rec.getItems().forEach(i -> assertThat(i.getReason()).isNotBlank());
            }
            // Only a subtask's very first events (nothing counted yet) can leave nothing to recommend.
            long empty = recs.stream().filter(r -> r.getItems().isEmpty()).count();
            assertThat(empty).as("recommendations without items").isLessThan(recs.size() / 20);
            // Titles come from the broadcast catalogue.
            assertThat(recs.stream().flatMap(r -> r.getItems().stream()).anyMatch(i -> i.getTitle() != null)).isTrue();

            AvroCodec<DeadLetter> dlqCodec = AvroCodec.of(DeadLetter.class);
            List<DeadLetter> deadLetters = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> r : kafka.readAll("dead-letters")) {
                deadLetters.add(dlqCodec.decode(r.value()));
            }
            assertThat(deadLetters).hasSize(badCount);
            Map<String, String> byCode = deadLetters.stream().collect(Collectors.groupingBy(
                    DeadLetter::getErrorCode, TreeMap::new, Collectors.collectingAndThen(Collectors.counting(), String::valueOf)));
            assertThat(byCode).isEqualTo(expectedDeadLetters);
            DeadLetter garbage = deadLetters.stream()
                    .filter(d -> d.getSourceTopic().equals("views") && d.getErrorCode().equals("UNDECODABLE"))
                    .findFirst().orElseThrow();
            byte[] raw = new byte[garbage.getValue().remaining()];
            garbage.getValue().get(raw);
            assertThat(raw).containsExactly(1, 2, 3, 4, 5);
            assertThat(garbage.getSourceOffset()).isGreaterThanOrEqualTo(0);
        }
    }

    private static byte[] key(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
