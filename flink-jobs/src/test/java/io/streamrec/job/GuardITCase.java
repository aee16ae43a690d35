package io.streamrec.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Item;
import io.streamrec.avro.Recommendation;
import io.streamrec.avro.UserEvent;
import io.streamrec.config.JobConfig;
import io.streamrec.metrics.InProcessMetrics;
import io.streamrec.metrics.MetricNames;
import io.streamrec.schemas.AvroCodec;
import io.streamrec.schemas.Topic;
import io.streamrec.testing.KafkaBroker;
import io.streamrec.testing.KafkaTestClient;
import io.streamrec.tools.data.SyntheticWorkload;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guard through the real job (real text encoder, real broker, Flink's local cluster): users with planted
 * tastes, a model broken on purpose ({@code learning.test.reverse-gradients}, the serving gate off) and the
 * shadow baseline on every user. The model serves until the guard has seen enough takes; once its lists stay
 * worse than the baseline's, every record is the baseline's ({@code recommender = "baseline"}).
 */
class GuardITCase {
    private static final int EVENTS = 3_000;
    private static final int USERS = 36;
    private static final long AWAIT_MILLIS = 300_000;
    private static final AvroCodec<UserEvent> EVENT_CODEC = AvroCodec.of(UserEvent.class);
    private static final AvroCodec<Item> ITEM_CODEC = AvroCodec.of(Item.class);

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setConfiguration(InProcessMetrics.configuration())
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(1)
            .build());

    @RegisterExtension
    static final KafkaBroker BROKER = new KafkaBroker();

    /** The recommenders named on the records of the first and of the last tenth of the events. */
    private record Served(List<String> early, List<String> late) {}

    @Test
    void aBrokenModelIsReplacedByTheBaselineOnTheRecords(@TempDir java.nio.file.Path checkpoints) throws Exception {
        Served served = run(true, checkpoints);
        assertThat(served.early()).as("before the guard has seen enough takes, the model serves").containsOnly("model");
        assertThat(served.late()).as("the broken model replaced by the baseline for every user").containsOnly("baseline");
    }

    private Served run(boolean reverseGradients, java.nio.file.Path checkpoints) throws Exception {
        Instant start = Instant.now().minus(Duration.ofHours(2));
        List<Item> items = new SyntheticWorkload(7, 120, USERS, start).items();
        // Each run has its own users, events and job name (its consumer group and transactions): the broker and
        // its topics are shared by the class's tests, and each run reads back only its own records.
        String name = reverseGradients ? "broken" : "sound";
        String prefix = name + "-";
        List<UserEvent> events = plantedTastes(prefix, items, start);

        Map<String, String> options = new HashMap<>();
        options.put("kafka.bootstrap-servers", BROKER.bootstrapServers());
        options.put("job.name", "it-guard-" + name);
        options.put("recommend.recommender", "MODEL");
        options.put("recommend.min-interval", "0 ms");
        options.put("parallelism.default", "1");
        options.put("execution.checkpointing.interval", "1 s");
        options.put("execution.checkpointing.dir", checkpoints.toUri().toString());
        options.put("sink.transaction-timeout", "1 min");
        options.put("learning.test.reverse-gradients", Boolean.toString(reverseGradients));
        options.put("learning.gate.half-life", "0");
        options.put("learning.batch-size", "4");
        options.put("learning.learning-rate", "0.5");
        options.put("recommend.shadow.sample", "1.0");
        options.put("recommend.guard", "true");
        // Not a control with a sound model here: on this stream even the sound model is at times more than a
        // margin below the baseline; what tells a sound model from a broken one is ShadowBaselineTest.
        options.put("recommend.guard.margin", "0.05");
        // Without transitions: with them (the default), the reversed-gradient model on this stream did not fall
        // even 0.01 below the baseline within the run, so there was nothing for the guard to replace.
        options.put("ranking.co-occurrence.transitions", "0");
        options.put("recommend.guard.duration", "2 min");
        options.put("recommend.guard.min-probes", "100");
        Configuration config = JobConfig.fromMap(options);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        RecommendationJob.onKafka(config).build(env);
        InProcessMetrics.clear(); // the other run's gauges must not answer for this one
        JobClient job = env.executeAsync("it-guard-" + name);
        try (KafkaTestClient kafka = new KafkaTestClient(BROKER.bootstrapServers())) {
            for (Item item : items) {
                kafka.send("items", item.getItemId(), ITEM_CODEC.encode(item));
            }
            awaitIndexed(items.size());
            for (UserEvent e : events) {
                String topic = e.getType() == EventType.CLICK ? Topic.CLICKS.defaultName() : Topic.PURCHASES.defaultName();
                kafka.send(topic, e.getUserId(), EVENT_CODEC.encode(e));
            }
            Map<String, String> byTrigger = new TreeMap<>();
            long deadline = System.currentTimeMillis() + AWAIT_MILLIS;
            while (byTrigger.size() < EVENTS && System.currentTimeMillis() < deadline) {
                kafka.readAll("recommendations", Recommendation.class).stream()
                        .filter(rec -> rec.getTriggerEventId().startsWith(prefix))
                        .forEach(rec -> byTrigger.put(rec.getTriggerEventId(), rec.getRecommender()));
                Thread.sleep(500);
            }
            assertThat(byTrigger).as("a committed recommendation per event").hasSize(EVENTS);
            List<String> early = new ArrayList<>();
            List<String> late = new ArrayList<>();
            for (int n = 0; n < EVENTS; n++) {
                String recommender = byTrigger.get(eventId(prefix, n));
                if (n < EVENTS / 10) {
                    early.add(recommender);
                } else if (n >= EVENTS * 9 / 10) {
                    late.add(recommender);
                }
            }
            System.out.printf("guard through the job, %s model: early %s, late %s%n",
                    reverseGradients ? "broken" : "sound", counts(early), counts(late));
            return new Served(early, late);
        } finally {
            job.cancel().get();
        }
    }

    /** Each user takes (clicks or buys) items of one category four times in five, any other item otherwise. */
    private static List<UserEvent> plantedTastes(String prefix, List<Item> items, Instant start) {
        Map<String, List<String>> byCategory = new TreeMap<>();
        for (Item item : items) {
            byCategory.computeIfAbsent(item.getCategories().get(0), c -> new ArrayList<>()).add(item.getItemId());
        }
        List<List<String>> categories = new ArrayList<>(byCategory.values());
        Random random = new Random(5);
        List<UserEvent> events = new ArrayList<>(EVENTS);
        for (int n = 0; n < EVENTS; n++) {
            int user = random.nextInt(USERS);
            List<String> pool = random.nextInt(5) < 4 ? categories.get(user % categories.size())
                    : categories.get(random.nextInt(categories.size()));
            events.add(UserEvent.newBuilder()
                    .setEventId(eventId(prefix, n))
                    .setUserId(prefix + "u" + user)
                    .setType(random.nextBoolean() ? EventType.CLICK : EventType.PURCHASE)
                    .setItemId(pool.get(random.nextInt(pool.size())))
                    .setEventTime(start.plusSeconds(n))
                    .build());
        }
        return events;
    }

    private static String eventId(String prefix, int n) {
        return String.format("%s%05d", prefix, n);
    }

    private static Map<String, Long> counts(List<String> recommenders) {
        Map<String, Long> counts = new TreeMap<>();
        recommenders.forEach(r -> counts.merge(r, 1L, Long::sum));
        return counts;
    }

    private static void awaitIndexed(int items) throws InterruptedException {
        long deadline = System.currentTimeMillis() + AWAIT_MILLIS;
        while (InProcessMetrics.gaugeMin(MetricNames.RANK_OPERATOR, MetricNames.ITEMS_INDEXED, 1) < items) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for the catalogue to be indexed");
            }
            Thread.sleep(200);
        }
    }
}
