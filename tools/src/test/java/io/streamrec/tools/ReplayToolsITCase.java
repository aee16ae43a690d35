package io.streamrec.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.Item;
import io.streamrec.avro.Recommendation;
import io.streamrec.avro.UserEvent;
import io.streamrec.local.kafka.KafkaBrokerProcess;
import io.streamrec.local.kafka.TopicAdmin;
import io.streamrec.schemas.AvroCodec;
import io.streamrec.schemas.Topic;
import io.streamrec.schemas.UndecodableRecordException;
import io.streamrec.tools.data.SyntheticWorkload;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay, counting, reading and printing tools against a real broker. */
class ReplayToolsITCase {
    private static final AvroCodec<UserEvent> EVENTS = AvroCodec.of(UserEvent.class);
    private static final AvroCodec<Item> ITEMS = AvroCodec.of(Item.class);
    private static final AvroCodec<Recommendation> RECOMMENDATIONS = AvroCodec.of(Recommendation.class);
    private static KafkaBrokerProcess broker;
    private static String bootstrap;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBrokerProcess.startEphemeral();
        bootstrap = broker.bootstrapServers();
        TopicAdmin.createTopics(bootstrap);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void syntheticReplayWritesExactlyTheExpectedRecords() throws Exception {
        int eventCount = 400;
        int badCount = 9;
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Instant before = Instant.now();
        ProducedCounts counts = ReplayProducer.run(new ReplayProducerSettings().bootstrap(bootstrap).events(eventCount)
                .rate(2000).seed(7).items(100).users(40).badRecords(badCount).runId("it")
                .progress(new PrintStream(output, true, StandardCharsets.UTF_8)));
        Instant after = Instant.now();

        SyntheticWorkload workload = new SyntheticWorkload(7, 100, 40, SyntheticWorkload.DEFAULT_START);
        List<UserEvent> expectedEvents = workload.events(eventCount);
        Map<String, Long> expected = new HashMap<>();
        Map<String, List<String>> expectedIds = new HashMap<>();
        for (UserEvent e : expectedEvents) {
            String topic = ReplayProducer.topicOf(e.getType()).defaultName();
            expected.merge(topic, 1L, Long::sum);
            expectedIds.computeIfAbsent(topic, t -> new ArrayList<>()).add(e.getEventId() + "-it");
        }
        Map<String, Long> undecodable = new HashMap<>();
        for (int j = 0; j < badCount; j++) {
            String topic = BadRecords.topicOf(j).defaultName();
            expected.merge(topic, 1L, Long::sum);
            if (BadRecords.kindOf(j) == BadRecords.Kind.MISSING_ITEM_ID) {
                expectedIds.computeIfAbsent(topic, t -> new ArrayList<>()).add("bad-" + j);
            } else {
                undecodable.merge(topic, 1L, Long::sum);
            }
        }
        expected.put(Topic.ITEMS.defaultName(), 100L);

        assertThat(counts.events()).isEqualTo(eventCount);
        assertThat(counts.items()).isEqualTo(100);
        assertThat(counts.bad()).isEqualTo(badCount);
        assertThat(counts.perTopic()).isEqualTo(expected);
        assertThat(output.toString(StandardCharsets.UTF_8)).endsWith("produced: events=400 items=100 bad=9\n");
        for (Map.Entry<String, Long> topic : expected.entrySet()) {
            assertThat(TopicCounter.count(bootstrap, topic.getKey())).as(topic.getKey()).isEqualTo(topic.getValue());
        }

        for (Topic topic : BadRecords.EVENT_TOPICS) {
            List<String> ids = new ArrayList<>();
            long failed = 0;
            for (ConsumerRecord<byte[], byte[]> record : TopicReader.readAll(bootstrap, topic.defaultName(),
                    IsolationLevel.READ_COMMITTED)) {
                try {
                    UserEvent event = EVENTS.decode(record.value());
                    ids.add(event.getEventId());
                    assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(event.getUserId());
                    assertThat(ReplayProducer.topicOf(event.getType())).isEqualTo(topic);
                    // NOW mode: events carry their send time.
                    assertThat(event.getEventTime()).isBetween(before.minusMillis(1), after.plusMillis(1));
                } catch (UndecodableRecordException e) {
                    failed++;
                }
            }
            assertThat(ids).as(topic.name()).containsExactlyInAnyOrderElementsOf(expectedIds.get(topic.defaultName()));
            assertThat(failed).as(topic.name()).isEqualTo(undecodable.getOrDefault(topic.defaultName(), 0L));
        }

        Map<String, Item> items = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : TopicReader.readAll(bootstrap, "items",
                IsolationLevel.READ_COMMITTED)) {
            Item item = ITEMS.decode(record.value());
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(item.getItemId());
            items.put(item.getItemId(), item);
        }
        assertThat(items).hasSize(100);
        for (Item original : workload.items()) {
            Item sent = items.get(original.getItemId());
            assertThat(Item.newBuilder(sent).setUpdatedAt(original.getUpdatedAt()).build()).isEqualTo(original);
        }
    }

    @Test
    void datasetReplayKeepsOriginalTimesAndHonoursTopicNames(@TempDir Path dir) throws Exception {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        TopicAdmin.createTopics(admin, Map.of(Topic.VIEWS, "ds-views", Topic.TEXT_EVENTS, "ds-text",
                Topic.ITEMS, "ds-items", Topic.CLICKS, "ds-clicks", Topic.PURCHASES, "ds-purchases"));
        Files.writeString(dir.resolve("events.csv"), String.join("\n", "user_id,item_id,event_type,timestamp,text",
                "alice,i1,view,1000,", "bob,,search,1001,tent", "alice,i2,purchase,1002,", "bob,i1,view,1003,", ""));
        Files.writeString(dir.resolve("items.csv"), "item_id,title,description,category,created_at\ni1,A,,x,\n"
                + "i2,B,,x,1002\n");

        ProducedCounts counts = ReplayProducer.run(new ReplayProducerSettings().bootstrap(bootstrap).dataset(dir).events(0)
                .rate(0).topicName(Topic.VIEWS, "ds-views").topicName(Topic.TEXT_EVENTS, "ds-text")
                .topicName(Topic.ITEMS, "ds-items").topicName(Topic.CLICKS, "ds-clicks")
                .topicName(Topic.PURCHASES, "ds-purchases").progress(null));

        assertThat(counts.summary()).isEqualTo("produced: events=4 items=2 bad=0");
        assertThat(counts.perTopic()).isEqualTo(Map.of("ds-views", 2L, "ds-text", 1L, "ds-purchases", 1L,
                "ds-items", 2L));
        List<UserEvent> views = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(bootstrap, "ds-views", IsolationLevel.READ_COMMITTED)) {
            views.add(EVENTS.decode(r.value()));
        }
        assertThat(views).extracting(UserEvent::getEventId, UserEvent::getEventTime).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("ev-2", Instant.ofEpochSecond(1000)),
                org.assertj.core.groups.Tuple.tuple("ev-5", Instant.ofEpochSecond(1003)));
        assertThat(TopicCounter.count(bootstrap, "ds-clicks")).isZero();
        assertThat(TopicCounter.count(bootstrap, "ds-text")).isEqualTo(1);
    }

    @Test
    void countsAndPrintsOnlyCommittedRecommendations() throws Exception {
        Recommendation first = RecommendationFormatterTest.sample();
        Recommendation second = Recommendation.newBuilder(first).setRecommendationId("rec-2").setUserId("user-0007")
                .setTriggerEventId("syn-00000099").setModelVersion(18).build();
        Recommendation aborted = Recommendation.newBuilder(first).setRecommendationId("rec-x").setUserId("user-9999")
                .build();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "printer-it");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            send(producer, first.getUserId(), RECOMMENDATIONS.encode(first));
            send(producer, "junk", "not a recommendation".getBytes(StandardCharsets.UTF_8));
            producer.commitTransaction();
            producer.beginTransaction();
            send(producer, aborted.getUserId(), RECOMMENDATIONS.encode(aborted));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            send(producer, second.getUserId(), RECOMMENDATIONS.encode(second));
            producer.commitTransaction();
        }

        assertThat(TopicCounter.count(bootstrap, "recommendations")).isEqualTo(3);
        assertThat(TopicReader.readAll(bootstrap, "recommendations", IsolationLevel.READ_UNCOMMITTED)).hasSize(4);

        // Stops at the second committed recommendation (the last record), not after an idle time: the first fetch
        // may take seconds on a slow machine. The idle timeout is only a bound here (it is tested below).
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        RecommendationPrinter.PrintCounts printed = RecommendationPrinter.run(
                new RecommendationPrinter.Options(bootstrap, "recommendations", true, 2, Duration.ofSeconds(120), false),
                new PrintStream(output, true, StandardCharsets.UTF_8), new AtomicBoolean());
        String text = output.toString(StandardCharsets.UTF_8);

        assertThat(printed).isEqualTo(new RecommendationPrinter.PrintCounts(2, 1));
        assertThat(text).contains(RecommendationFormatter.format(first) + "\n")
                .contains(RecommendationFormatter.format(second) + "\n")
                .contains("user-0042 after event syn-00000012: model v17, latency 35 ms\n"
                        + "   1. 0.913  Summit Ridge waterproof tent (item-00012): similar to what you viewed\n")
                .doesNotContain("user-9999")
                .endsWith("recommendations: 2 (undecodable: 1)\n");
        assertThat(text.lines().filter(l -> l.startsWith("! recommendations-"))).singleElement().asString()
                .contains("cannot decode a recommendation (BAD_HEADER)");

        // --max stops early, --quiet prints only the count.
        ByteArrayOutputStream quiet = new ByteArrayOutputStream();
        RecommendationPrinter.run(new RecommendationPrinter.Options(bootstrap, "recommendations", true, 1, null, true),
                new PrintStream(quiet, true, StandardCharsets.UTF_8), new AtomicBoolean());
        assertThat(quiet.toString(StandardCharsets.UTF_8)).isEqualTo("recommendations: 1 (undecodable: 0)\n");

        // --idle-timeout ends a run that sees nothing new: from the end of the topic, where nothing more comes.
        ByteArrayOutputStream idle = new ByteArrayOutputStream();
        RecommendationPrinter.run(new RecommendationPrinter.Options(bootstrap, "recommendations", false, 0,
                Duration.ofSeconds(1), false), new PrintStream(idle, true, StandardCharsets.UTF_8), new AtomicBoolean());
        assertThat(idle.toString(StandardCharsets.UTF_8)).isEqualTo("recommendations: 0 (undecodable: 0)\n");
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String key, byte[] value) {
        // One partition for all, so the order (and what --max 1 sees first) is fixed.
        producer.send(new ProducerRecord<>("recommendations", 0, key.getBytes(StandardCharsets.UTF_8), value));
    }
}
