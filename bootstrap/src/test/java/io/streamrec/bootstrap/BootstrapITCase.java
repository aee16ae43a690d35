package io.streamrec.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Item;
import io.streamrec.avro.Recommendation;
import io.streamrec.avro.RecommendedItem;
import io.streamrec.avro.UserEvent;
import io.streamrec.config.JobConfig;
import io.streamrec.job.RecommendationJob;
import io.streamrec.schemas.AvroCodec;
import io.streamrec.testing.KafkaBroker;
import io.streamrec.testing.KafkaTestClient;
import io.streamrec.tools.data.SyntheticWorkload;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting warm from history, end to end (real text encoder, real brokers, Flink's local cluster, the model
 * recommender learning online): a history H (the synthetic shop as events.csv + items.csv) is bootstrapped into a
 * savepoint; the job that replayed H (the bootstrap's own, which consumed H through Kafka like a live job) then gets
 * a few new searches N, and a streaming job started from the savepoint on another broker, whose topics hold nothing
 * but N, gets the same N. Their first recommendations are equal, item for item with the same scores, reasons and
 * model version, which is the savepoint's and above 0; and the savepoint holds no Kafka source or sink state.
 *
 * <p>Why the reference is the replay's own job and not a second live run: the model's feedback loop goes through
 * the model-updates topic asynchronously, so two runs over the same history apply the same updates at different
 * events and end with slightly different weights; only a continuation of the same run is exactly comparable.
 */
class BootstrapITCase {
    private static final int HISTORY = 1_500;
    private static final int NEW_SEARCHES = 8;
    private static final long AWAIT_MILLIS = 120_000;
    private static final AvroCodec<UserEvent> EVENTS = AvroCodec.of(UserEvent.class);

    /** The streaming job's options, given to the bootstrap and to the job started from its savepoint alike. */
    private static final Map<String, String> JOB_OPTIONS = Map.of(
            "recommend.recommender", "MODEL",
            "recommend.min-interval", "0 ms",
            "parallelism.default", "1",
            "learning.batch-size", "16",
            // A restored job has no cached retrievals: retrieve for every list in both jobs.
            "ranking.candidates.reuse-cosine", "1",
            // Each text encoded alone: the same vector whatever else is in flight.
            "encoder.batch.max-size", "1",
            "sink.transaction-timeout", "1 min");

    /** The broker of the streaming job started from the savepoint: fresh topics, nothing on them but N. */
    @RegisterExtension
    static final KafkaBroker PRODUCTION = new KafkaBroker();

    @Test
    void aJobStartedFromTheSavepointRecommendsAsTheJobThatReplayedTheHistory(@TempDir Path dir) throws Exception {
        SyntheticWorkload workload = new SyntheticWorkload(11, 80, 24, SyntheticWorkload.DEFAULT_START);
        List<UserEvent> all = workload.events(HISTORY + 1_500);
        Path dataset = Files.createDirectories(dir.resolve("history"));
        writeCsv(dataset, workload.items(), all);
        List<UserEvent> searches = newSearches(all);

        Path out = dir.resolve("savepoint");
        Path work = dir.resolve("work");
        List<String> args = new ArrayList<>(List.of("--dataset", dataset.toString(), "--out", out.toString(),
                "--limit", Integer.toString(HISTORY), "--event-time", "original", "--work", work.toString(),
                "--keep-work", "--progress-interval", "2", "--"));
        JOB_OPTIONS.forEach((k, v) -> {
            args.add("--" + k);
            args.add(v);
        });
        AtomicReference<List<Recommendation>> replayed = new AtomicReference<>();
        Bootstrap.Result result = Bootstrap.run(BootstrapOptions.parse(args.toArray(String[]::new)), System.out,
                replay -> replayed.set(send(replay.bootstrapServers(), searches)));
        long version = result.summary().modelVersion();

        assertThat(result.produced().events()).isEqualTo(HISTORY);
        assertThat(version).as("the model learned from the history").isPositive();
        assertThat(result.summary().items()).isEqualTo(workload.items().size());
        assertThat(result.summary().users()).isEqualTo(all.subList(0, HISTORY).stream().map(UserEvent::getUserId)
                .distinct().count());
        String raw = rawSavepoint(work);
        assertThat(KafkaStateRemoval.kafkaOperatorsIn(raw)).as("the replay's savepoint has Kafka state")
                .contains(RecommendationJob.Uids.EVENTS_SOURCE, RecommendationJob.Uids.RECOMMENDATIONS_SINK);
        assertThat(KafkaStateRemoval.kafkaOperatorsIn(result.savepoint()))
                .as("operators of the Kafka sources and sinks in the bootstrap's savepoint").isEmpty();
        deleteRecursively(work); // the savepoint must not need the replay's files

        List<Recommendation> warm = startFromSavepoint(result.savepoint(), dir.resolve("checkpoints"), searches);
        List<Recommendation> reference = replayed.get();
        assertThat(warm).extracting(Recommendation::getModelVersion).as("the savepoint's model version")
                .containsOnly(version);
        assertThat(reference).extracting(Recommendation::getModelVersion).containsOnly(version);
        assertThat(warm).allSatisfy(r -> assertThat(r.getItems()).as("a warm list").hasSize(10));
        assertThat(warm.stream().map(r -> r.getItems().stream().map(RecommendedItem::getItemId).toList()).distinct())
                .as("lists made for each user (from the user's profile), not one list for all").hasSizeGreaterThan(1);
        lists(warm).forEach(System.out::println);
        assertThat(lists(warm)).as("first recommendations after the start from the savepoint")
                .isEqualTo(lists(reference));
    }

    /** The first searches after H of users H knows, one per user: they change no state shared between users. */
    private static List<UserEvent> newSearches(List<UserEvent> all) {
        Set<String> known = new LinkedHashSet<>();
        all.subList(0, HISTORY).forEach(e -> known.add(e.getUserId()));
        Map<String, UserEvent> firstPerUser = new LinkedHashMap<>();
        for (UserEvent e : all.subList(HISTORY, all.size())) {
            if (e.getType() == EventType.SEARCH && known.contains(e.getUserId())
                    && firstPerUser.size() < NEW_SEARCHES) {
                firstPerUser.putIfAbsent(e.getUserId(), UserEvent.newBuilder(e)
                        .setEventId("new-" + e.getEventId()).setContext(null).build());
            }
        }
        assertThat(firstPerUser).hasSize(NEW_SEARCHES);
        return List.copyOf(firstPerUser.values());
    }

    /** Sends {@code searches} to the job of the broker at {@code bootstrap} and returns its committed lists for them. */
    private static List<Recommendation> send(String bootstrap, List<UserEvent> searches) throws Exception {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            for (UserEvent e : searches) {
                kafka.send("text-events", e.getUserId(), EVENTS.encode(e));
            }
            return awaitRecommendations(kafka, searches);
        }
    }

    /** The streaming job restored from {@code savepoint} on the production broker, given {@code searches}. */
    private static List<Recommendation> startFromSavepoint(String savepoint, Path checkpoints,
            List<UserEvent> searches) throws Exception {
        Map<String, String> options = new HashMap<>(JOB_OPTIONS);
        options.put("kafka.bootstrap-servers", PRODUCTION.bootstrapServers());
        options.put("execution.checkpointing.interval", "1 s");
        options.put("execution.checkpointing.dir", checkpoints.toUri().toString());
        options.put("execution.state-recovery.path", savepoint);
        Configuration config = JobConfig.fromMap(options);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        RecommendationJob.onKafka(config).build(env);
        JobClient job = env.executeAsync("it-warm-start");
        try {
            return send(PRODUCTION.bootstrapServers(), searches);
        } finally {
            job.cancel().get();
        }
    }

    private static List<Recommendation> awaitRecommendations(KafkaTestClient kafka, List<UserEvent> searches)
            throws InterruptedException {
        Map<String, Recommendation> byTrigger = new HashMap<>();
        long deadline = System.currentTimeMillis() + AWAIT_MILLIS;
        while (byTrigger.size() < searches.size() && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            for (Recommendation r : kafka.readAll("recommendations", Recommendation.class)) {
                byTrigger.putIfAbsent(r.getTriggerEventId(), r);
            }
            byTrigger.keySet().retainAll(searches.stream().map(UserEvent::getEventId).toList());
        }
        assertThat(byTrigger).as("a committed recommendation per new search").hasSize(searches.size());
        return searches.stream().map(e -> byTrigger.get(e.getEventId())).toList();
    }

    /** Each recommendation as {@code user: item score reason, ...}. */
    private static List<String> lists(List<Recommendation> recs) {
        List<String> out = new ArrayList<>();
        for (Recommendation r : recs) {
            StringBuilder line = new StringBuilder(r.getUserId()).append(':');
            for (RecommendedItem item : r.getItems()) {
                line.append(' ').append(item.getItemId()).append(' ').append(item.getScore()).append(' ')
                        .append(item.getReason()).append(',');
            }
            out.add(line.toString());
        }
        return out;
    }

    private static String rawSavepoint(Path work) throws IOException {
        try (Stream<Path> found = Files.list(work.resolve("savepoint"))) {
            return found.filter(Files::isDirectory).findFirst().orElseThrow().toUri().toString();
        }
    }

    /** The workload as the generic CSV pair (docs/datasets.md). */
    private static void writeCsv(Path dir, List<Item> items, List<UserEvent> events) throws IOException {
        try (Writer w = Files.newBufferedWriter(dir.resolve("items.csv"), StandardCharsets.UTF_8);
                CSVPrinter csv = CSVFormat.RFC4180.builder()
                        .setHeader("item_id", "title", "description", "category", "created_at").build().print(w)) {
            for (Item item : items) {
                csv.printRecord(item.getItemId(), item.getTitle(), item.getDescription(),
                        String.join("|", item.getCategories()), item.getUpdatedAt().getEpochSecond());
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("events.csv"), StandardCharsets.UTF_8);
                CSVPrinter csv = CSVFormat.RFC4180.builder()
                        .setHeader("user_id", "item_id", "event_type", "timestamp", "text", "rating").build().print(w)) {
            for (UserEvent e : events) {
                csv.printRecord(e.getUserId(), e.getItemId() == null ? "" : e.getItemId(),
                        e.getType().name().toLowerCase(Locale.ROOT), e.getEventTime().getEpochSecond(),
                        e.getText() == null ? "" : e.getText(), e.getRating() == null ? "" : e.getRating());
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
