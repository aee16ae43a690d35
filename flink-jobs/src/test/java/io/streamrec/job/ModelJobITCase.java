package io.streamrec.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.DeadLetter;
import io.streamrec.avro.Item;
import io.streamrec.avro.ModelUpdate;
import io.streamrec.avro.Recommendation;
import io.streamrec.avro.UserEvent;
import io.streamrec.config.JobConfig;
import io.streamrec.metrics.InProcessMetrics;
import io.streamrec.metrics.MetricNames;
import io.streamrec.ranking.Feature;
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
import java.util.function.Predicate;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model recommender end to end: real text encoder, real broker, Flink's local cluster with two
 * ranking subtasks, exactly-once. Feedback from the first half of the stream becomes committed model
 * updates, which the rankers apply before the second half, whose recommendations carry the new version.
 */
class ModelJobITCase {

    private static final int RANKERS = 2;

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setConfiguration(InProcessMetrics.configuration())
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(RANKERS)
            .build());

    /** Generous: a wait ends as soon as its condition holds, and a slow machine must not fail the test. */
    private static final long AWAIT_MILLIS = 300_000;
    private static final AvroCodec<UserEvent> EVENTS = AvroCodec.of(UserEvent.class);
    private static final AvroCodec<Item> ITEMS = AvroCodec.of(Item.class);
    @RegisterExtension
    static final KafkaBroker BROKER = new KafkaBroker();


    @Test
    void learnsFromFeedbackWhileServingAndLosesNothing(@TempDir java.nio.file.Path checkpoints) throws Exception {
        SyntheticWorkload workload = new SyntheticWorkload(5, 60, 20, Instant.now().minus(Duration.ofHours(1)));
        List<UserEvent> events = workload.events(400);
        List<UserEvent> firstHalf = events.subList(0, 200);
        List<UserEvent> secondHalf = events.subList(200, 400);

        Map<String, String> options = new HashMap<>();
        options.put("kafka.bootstrap-servers", BROKER.bootstrapServers());
        options.put("recommend.recommender", "MODEL");
        options.put("recommend.min-interval", "0 ms");
        options.put("learning.batch-size", "16");
        options.put("parallelism.default", Integer.toString(RANKERS));
        options.put("execution.checkpointing.interval", "1 s");
        options.put("execution.checkpointing.dir", checkpoints.toUri().toString());
        options.put("sink.transaction-timeout", "1 min");
        Configuration config = JobConfig.fromMap(options);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        RecommendationJob.onKafka(config).build(env);
        JobClient job = env.executeAsync("it-model");
        try (KafkaTestClient kafka = new KafkaTestClient(BROKER.bootstrapServers())) {
            for (Item item : workload.items()) {
                kafka.send("items", item.getItemId(), ITEMS.encode(item));
            }
            // Feedback is learnt only for items the rankers know: on a slow machine the encoder may take longer
            // than the whole first half, so the stream starts once every ranker has indexed the catalogue.
            awaitRankers(MetricNames.ITEMS_INDEXED, workload.items().size(), "the catalogue indexed");
            send(kafka, firstHalf);
            kafka.send("text-events", "u-bad", new byte[] {0x13, 0x37});
            // Feedback from the first half is committed to the model's log at the next checkpoints.
            List<ModelUpdate> updates = await(() -> kafka.readAll("model-updates", ModelUpdate.class),
                    list -> list.size() >= 3, "model updates");
            awaitRankers(MetricNames.MODEL_VERSION, updates.size(), "the committed updates applied");
            send(kafka, secondHalf);

            List<Recommendation> recs = await(() -> kafka.readAll("recommendations", Recommendation.class),
                    list -> list.size() >= events.size(), "recommendations");
            assertThat(recs.stream().map(Recommendation::getTriggerEventId).sorted().toList())
                    .as("one committed recommendation per event, no duplicates")
                    .containsExactlyElementsOf(events.stream().map(UserEvent::getEventId).sorted().toList());
            assertThat(recs).allSatisfy(r -> assertThat(r.getRecommender()).isEqualTo("model"));
            // Once the catalogue is encoded (it is, by the time feedback updates exist), every user gets items.
            List<String> secondIds = secondHalf.stream().map(UserEvent::getEventId).toList();
            List<Recommendation> afterWarmUp = recs.stream().filter(r -> secondIds.contains(r.getTriggerEventId())).toList();
            assertThat(afterWarmUp.stream().filter(r -> r.getItems().isEmpty()).count())
                    .as("empty recommendations after warm-up").isLessThanOrEqualTo(afterWarmUp.size() / 20);
            recs.stream().flatMap(r -> r.getItems().stream()).forEach(i -> {
                assertThat(i.getScore()).isBetween(0f, 1f);
                assertThat(i.getReason()).isNotBlank();
                assertThat(i.getTitle()).isNotBlank();
            });

            assertThat(afterWarmUp)
                    .as("recommendations after every ranker applied the first updates carry a newer model version")
                    .allSatisfy(r -> assertThat(r.getModelVersion()).isGreaterThanOrEqualTo(updates.size()));
            ModelUpdate first = updates.get(0);
            assertThat(first.getGradient()).hasSize(Feature.COUNT + 384);
            assertThat(first.getExampleCount()).isGreaterThanOrEqualTo(16);
            assertThat(first.getModelName()).isEqualTo("ranker");
            assertThat(first.getItemGradient()).as("the item offsets' gradients travel in the same record")
                    .isNotEmpty().allSatisfy((id, g) -> assertThat(g).isFinite());

            // Every ranker applies the whole log in order: once each has applied every committed update, all
            // hold the same parameters, item offsets included (the checksum gauge), and version.
            List<Long> versions = await(() -> {
                long committed = kafka.readAll("model-updates").size();
                List<Long> v = InProcessMetrics.gaugeValues(MetricNames.RANK_OPERATOR, MetricNames.MODEL_VERSION);
                return v.size() == RANKERS && v.stream().allMatch(x -> x == committed) ? v : List.of();
            }, v -> !v.isEmpty(), "every ranker at the last committed update");
            List<Long> checksums = InProcessMetrics.gaugeValues(MetricNames.RANK_OPERATOR, MetricNames.MODEL_CHECKSUM);
            assertThat(checksums).as("replicas' parameters after version " + versions.get(0)).hasSize(RANKERS)
                    .doesNotContain(0L).containsOnly(checksums.get(0));
            assertThat(versions.get(0)).isGreaterThanOrEqualTo(updates.size());

            // The live quality of the served lists reaches Flink's metrics (its rules: LiveQualityTest).
            long probes = InProcessMetrics.sum(MetricNames.RANK_OPERATOR, MetricNames.QUALITY_PROBES);
            long hits = InProcessMetrics.sum(MetricNames.RANK_OPERATOR, MetricNames.QUALITY_HITS);
            System.out.printf("live quality: %d of %d takes were in the list served before them%n", hits, probes);
            assertThat(probes).as("takes scored against the list before them").isPositive();
            assertThat(hits).isBetween(0L, probes);

            List<DeadLetter> dead = await(() -> kafka.readAll("dead-letters", DeadLetter.class),
                    list -> !list.isEmpty(), "dead letters");
            assertThat(dead).singleElement().satisfies(d -> assertThat(d.getErrorCode()).isEqualTo("UNDECODABLE"));
        } finally {
            job.cancel().get();
        }
    }

    /** Waits until every ranker subtask's gauge {@code metric} is at least {@code atLeast}. */
    private static void awaitRankers(String metric, long atLeast, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + AWAIT_MILLIS;
        long min;
        while ((min = InProcessMetrics.gaugeMin(MetricNames.RANK_OPERATOR, metric, RANKERS)) < atLeast) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what + ": " + metric + " is " + min
                        + " on the slowest of " + RANKERS + " rankers (-1: not registered yet), want " + atLeast);
            }
            Thread.sleep(200);
        }
    }

    private static void send(KafkaTestClient kafka, List<UserEvent> events) {
        for (UserEvent e : events) {
            String topic = switch (e.getType()) {
                case VIEW -> Topic.VIEWS.defaultName();
                case CLICK -> Topic.CLICKS.defaultName();
                case PURCHASE -> Topic.PURCHASES.defaultName();
                default -> Topic.TEXT_EVENTS.defaultName();
            };
            kafka.send(topic, e.getUserId(), EVENTS.encode(e));
        }
    }

    private static <T> List<T> await(java.util.function.Supplier<List<T>> read, Predicate<List<T>> done, String what)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + AWAIT_MILLIS;
        List<T> last = List.of();
        while (System.currentTimeMillis() < deadline) {
            last = read.get();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("timed out waiting for " + what + "; have " + last.size());
    }
}
