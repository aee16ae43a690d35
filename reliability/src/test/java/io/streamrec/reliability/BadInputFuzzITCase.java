package io.streamrec.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.DeadLetter;
import io.streamrec.avro.Item;
import io.streamrec.avro.Recommendation;
import io.streamrec.avro.RecommendedItem;
import io.streamrec.avro.UserEvent;
import io.streamrec.config.JobConfig;
import io.streamrec.job.RecommendationJob;
import io.streamrec.local.kafka.TopicAdmin;
import io.streamrec.reliability.support.BadRecords;
import io.streamrec.reliability.support.BadRecords.Bad;
import io.streamrec.reliability.support.Kafka;
import io.streamrec.schemas.AvroCodec;
import io.streamrec.tools.data.SyntheticWorkload;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of malformed records of many kinds, interleaved with valid events on one topic: each bad
 * record is a dead letter with its reason (counts per code exact), the job never fails because of input
 * (restarts are disabled, so any failure would fail the run), and the recommendations for the valid
 * events are the same, item for item, as those of a run that never saw the bad records.
 */
class BadInputFuzzITCase {
    private static final int VALID = 3000;
    private static final int IMAGE_DIMENSION = 4;

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    @Test
    void badRecordsAreDeadLettersAndDoNotChangeTheRecommendations(@TempDir Path tmp) throws Exception {
        SyntheticWorkload workload = new SyntheticWorkload(21, 80, 30, SyntheticWorkload.DEFAULT_START);
        List<UserEvent> valid = workload.events(VALID);
        List<Item> items = new ArrayList<>(workload.items());
        // A few valid items with image vectors of the configured dimension.
        for (int i = 0; i < 5; i++) {
            items.set(i, Item.newBuilder(items.get(i)).setImageVector(Collections.nCopies(IMAGE_DIMENSION, 0.25f)).build());
        }
        try (Kafka kafka = Kafka.start()) {
            createTopics(kafka.bootstrap(), "mixed", "clean");
            Map<String, Long> expectedCodes = new TreeMap<>();
            AvroCodec<UserEvent> events = AvroCodec.of(UserEvent.class);
            AvroCodec<Item> itemCodec = AvroCodec.of(Item.class);
            List<Future<?>> sent = new ArrayList<>();
            for (Item item : items) {
                sent.add(kafka.send("clean-items", item.getItemId(), itemCodec.encode(item)));
                sent.add(kafka.send("mixed-items", item.getItemId(), itemCodec.encode(item)));
            }
            for (int n = 0; n < 20; n++) {
                for (Bad bad : BadRecords.items(items.get(n), n, IMAGE_DIMENSION)) {
                    sent.add(kafka.send("mixed-items", bad.key(), bad.value()));
                    expectedCodes.merge(bad.code(), 1L, Long::sum);
                }
            }
            Random random = new Random(42);
            BadRecords.Kind[] kinds = BadRecords.Kind.values();
            int badCount = 0;
            for (int i = 0; i < valid.size(); i++) {
                UserEvent e = valid.get(i);
                byte[] value = events.encode(e);
                sent.add(kafka.send("clean-events", e.getUserId(), value));
                sent.add(kafka.send("mixed-events", e.getUserId(), value));
                // About one bad record per valid event: a replay of this event, or a malformed one.
                int roll = random.nextInt(kinds.length + 2);
                if (roll == kinds.length) {
                    sent.add(kafka.send("mixed-events", e.getUserId(), value));
                    expectedCodes.merge("DUPLICATE_EVENT", 1L, Long::sum);
                    badCount++;
                } else if (roll < kinds.length) {
                    Bad bad = BadRecords.event(kinds[roll], e, random, i);
                    sent.add(kafka.send("mixed-events", bad.key(), bad.value()));
                    expectedCodes.merge(bad.code(), 1L, Long::sum);
                    badCount++;
                }
            }
            for (Future<?> f : sent) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertThat(badCount).as("bad event records").isGreaterThan(2000);

            run("mixed", kafka.bootstrap(), tmp);
            run("clean", kafka.bootstrap(), tmp);

            Map<String, Long> codes = kafka.readCommitted("mixed-dead-letters", DeadLetter.class).stream()
                    .collect(Collectors.groupingBy(DeadLetter::getErrorCode, TreeMap::new, Collectors.counting()));
            System.out.println("[figures] BadInputFuzzITCase: " + VALID + " valid events, " + badCount
                    + " bad event records, 60 bad items; dead letters by code " + codes);
            assertThat(codes).as("dead letters per code").isEqualTo(expectedCodes);
            assertThat(kafka.readCommitted("clean-dead-letters", DeadLetter.class)).isEmpty();

            Map<String, List<String>> mixed = itemsByTrigger(kafka.readCommitted("mixed-recommendations", Recommendation.class));
            Map<String, List<String>> clean = itemsByTrigger(kafka.readCommitted("clean-recommendations", Recommendation.class));
            assertThat(clean).hasSize(VALID);
            assertThat(mixed).as("recommendations with bad input equal those without").isEqualTo(clean);
        }
    }

    /** Runs the job over one topic set to the end (bounded) with restarts disabled: any failure fails the run. */
    private static void run(String set, String bootstrap, Path tmp) throws Exception {
        Map<String, String> options = new HashMap<>();
        options.put("job.name", "fuzz-" + set);
        options.put("kafka.bootstrap-servers", bootstrap);
        options.put("kafka.group-id", "fuzz-" + set);
        options.put("kafka.bounded", "true");
        options.put("topics.combined-events", set + "-events");
        options.put("topics.items", set + "-items");
        options.put("topics.recommendations", set + "-recommendations");
        options.put("topics.dead-letters", set + "-dead-letters");
        options.put("recommend.recommender", "BASELINE");
        options.put("recommend.min-interval", "0 ms");
        options.put("ranking.max-per-category", "0");
        options.put("validation.image-dimension", Integer.toString(IMAGE_DIMENSION));
        options.put("parallelism.default", "1");
        options.put("restart-strategy.type", "none");
        options.put("execution.checkpointing.interval", "1 s");
        options.put("execution.checkpointing.dir", tmp.resolve(set).toUri().toString());
        options.put("sink.transaction-timeout", "1 min");
        Configuration config = JobConfig.fromMap(options);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        RecommendationJob.onKafka(config).build(env);
        env.execute("fuzz-" + set);
    }

    private static Map<String, List<String>> itemsByTrigger(List<Recommendation> recs) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Recommendation r : recs) {
            List<String> ids = r.getItems().stream().map(RecommendedItem::getItemId).toList();
            assertThat(out.put(r.getTriggerEventId(), ids)).as("duplicate recommendation for " + r.getTriggerEventId()).isNull();
        }
        return out;
    }

    private static void createTopics(String bootstrap, String... sets) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        List<NewTopic> topics = new ArrayList<>();
        for (String set : sets) {
            // One partition each: the job reads the events in exactly the order written, in both runs.
            for (String t : List.of("-events", "-items", "-recommendations", "-dead-letters")) {
                topics.add(new NewTopic(set + t, 1, (short) 1));
            }
        }
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
            // Produced to at once, with several requests in flight: wait until the leaders serve them.
            TopicAdmin.awaitVisible(admin, topics.stream().map(NewTopic::name).toList());
        }
    }
}
