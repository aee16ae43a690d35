package io.streamrec.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.DeadLetter;
import io.streamrec.avro.Item;
import io.streamrec.avro.Recommendation;
import io.streamrec.avro.RecommendedItem;
import io.streamrec.avro.UserEvent;
import io.streamrec.job.JobSinks;
import io.streamrec.job.JobSources;
import io.streamrec.job.RecommendationJob;
import io.streamrec.local.cluster.ClusterSettings;
import io.streamrec.local.cluster.FlinkProcess;
import io.streamrec.local.cluster.FlinkRest;
import io.streamrec.local.cluster.StandaloneCluster;
import io.streamrec.reliability.support.Await;
import io.streamrec.reliability.support.EventFeeder;
import io.streamrec.reliability.support.FailOnDemandSource;
import io.streamrec.reliability.support.Figures;
import io.streamrec.reliability.support.JobOptionsBuilder;
import io.streamrec.reliability.support.JobSubmitter;
import io.streamrec.reliability.support.Kafka;
import io.streamrec.reliability.support.RankerGauges;
import io.streamrec.reliability.support.Recs;
import io.streamrec.reliability.support.RunDirs;
import io.streamrec.reliability.support.UserJars;
import io.streamrec.tools.data.SyntheticWorkload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Test;

/**
 * The MODEL recommender (ONNX Runtime and the DJL tokenizer, native libraries loaded) on a standalone
 * cluster with ONE TaskManager, so every restart happens in the same JVM. The broker is stopped and
 * restarted mid-stream, then a task failure is injected (the TaskManager survives): the job recovers
 * each time, loses and duplicates nothing, and keeps encoding (items published after the restart are
 * encoded and recommended). The encoder jars are NOT on the TaskManager's classpath here: a failover
 * keeps the job's user class loader, so the native libraries are not loaded twice. A new job on the same
 * TaskManager, though, gets a new class loader and cannot load the tokenizer again: that case needs the
 * encoder in lib/ loaded parent-first ({@link SavepointUpgradeITCase} runs with it).
 */
class ModelFailoverITCase {
    private static final String JOB = "reliability-model-failover";
    private static final int EVENTS = 600;
    /** Events fed while the failures happen; the rest follow the items published after the restart. */
    private static final int DURING_FAILURES = 400;
    private static final int BEFORE_BOUNCE = 150;
    private static final int BEFORE_FAILURE = 275;
    private static final int LATE_ITEMS = 8;

    @Test
    void recoversFromBrokerRestartAndTaskFailureAndKeepsEncoding() throws Exception {
        Path run = RunDirs.create("model-failover");
        SyntheticWorkload workload = new SyntheticWorkload(5, 48, 20, Instant.now().minus(Duration.ofHours(2)));
        List<UserEvent> events = workload.events(EVENTS);
        List<Item> early = workload.items().subList(0, 48 - LATE_ITEMS);
        List<Item> late = workload.items().subList(48 - LATE_ITEMS, 48);
        Path trigger = run.resolve("fail-now");
        Path testJar = UserJars.of(run.resolve("test-classes.jar"), FailOnDemandSource.class);
        ClusterSettings settings = RankerGauges.freshMetrics(ClusterSettings.forModel().withEncoderInLib(false));
        try (Kafka kafka = Kafka.start();
                StandaloneCluster cluster = StandaloneCluster.start(run.resolve("flink"), settings, 1)) {
            FlinkProcess tm = cluster.taskManagers().get(0);
            FlinkRest rest = cluster.rest();
            kafka.sendItems(early);
            Map<String, String> options = JobOptionsBuilder.of(JOB, kafka.bootstrap(), run.resolve("checkpoints"))
                    .learningModel()
                    .build();
            JobClient job = JobSubmitter.submit(cluster.restPort(), options, (config, env) -> {
                JobSources kafkaSources = JobSources.kafka(config);
                JobSources sources = new JobSources(FailOnDemandSource.wrap(kafkaSources.events(), trigger),
                        kafkaSources.items(), kafkaSources.modelUpdates(), kafkaSources.forgetRequests());
                new RecommendationJob(config, sources, JobSinks.kafka(config)).build(env);
            }, List.of(testJar));
            String id = job.getJobID().toString();
            try {
                Await.until(() -> rest.allTasksRunning(id), Await.LONG, "job running");
                // The failures are to hit a job that ranks from the whole catalogue, however slow the encoder.
                RankerGauges.awaitAtLeast(rest, id, RankerGauges.ITEMS_INDEXED, early.size(), Await.LONG,
                        "the early catalogue indexed");
                // The broker restart: events flow before and after; the job has open transactions and pending
                // checkpoints while the broker is away. (The test's own producer is not what is under test, so
                // it does not write during the outage.)
                try (EventFeeder feeder = EventFeeder.start(kafka, events.subList(0, BEFORE_BOUNCE), 20)) {
                    feeder.awaitDone(Await.LONG);
                }
                long t0 = System.nanoTime();
                kafka.bounce(Duration.ofSeconds(8));
                long before = kafka.committedEnd("recommendations");
                try (EventFeeder feeder = EventFeeder.start(kafka, events.subList(BEFORE_BOUNCE, BEFORE_FAILURE), 20)) {
                    Await.until(() -> kafka.committedEnd("recommendations") > before, Await.LONG,
                            "committed output after the broker restart");
                    Figures.record("ModelFailoverITCase", "broker down 8 s: committed output again "
                            + (System.nanoTime() - t0) / 1_000_000 + " ms after the stop began; highest task attempt "
                            + rest.attempts(id).highest());
                    feeder.awaitDone(Await.LONG);
                }

                // The task failure: armed before the next events, so a reader meets the trigger while data flows.
                int restarts = rest.attempts(id).restartsOfEveryTask();
                Files.createFile(trigger);
                long t1 = System.nanoTime();
                try (EventFeeder feeder = EventFeeder.start(kafka, events.subList(BEFORE_FAILURE, DURING_FAILURES), 20)) {
                    // The trigger gone too: a restart counted late for the broker restart is not the one awaited.
                    Await.until(() -> !Files.exists(trigger) && rest.attempts(id).restartsOfEveryTask() > restarts
                            && rest.allTasksRunning(id), Await.LONG, "job running again after the injected failure");
                    Figures.record("ModelFailoverITCase", "injected task failure (same TaskManager): all tasks RUNNING "
                            + "after " + (System.nanoTime() - t1) / 1_000_000 + " ms");
                    assertThat(trigger).as("the failure was injected").doesNotExist();
                    feeder.awaitDone(Await.LONG);
                }
                kafka.sendItems(late); // in the item index only if the encoder works after the restart
                RankerGauges.awaitAtLeast(rest, id, RankerGauges.ITEMS_INDEXED, early.size() + late.size(), Await.LONG,
                        "the items published after the restart encoded and indexed");
                for (UserEvent e : events.subList(DURING_FAILURES, EVENTS)) {
                    kafka.sendEvent(e);
                }
                kafka.flush();
                List<Recommendation> recs = Await.until(() -> kafka.readCommitted("recommendations", Recommendation.class),
                        r -> r.size() >= EVENTS, Await.LONG, "all recommendations committed");
                assertThat(Recs.triggerIds(recs)).as("one committed recommendation per event across both failures")
                        .containsExactlyElementsOf(Recs.eventIds(events));
                assertThat(recs).allSatisfy(r -> assertThat(r.getRecommender()).isEqualTo("model"));
                Set<String> lateIds = late.stream().map(Item::getItemId).collect(Collectors.toSet());
                Set<String> lastIds = Set.copyOf(Recs.eventIds(events.subList(DURING_FAILURES, EVENTS)));
                Set<String> recommendedLate = recs.stream().filter(r -> lastIds.contains(r.getTriggerEventId()))
                        .flatMap(r -> r.getItems().stream()).map(RecommendedItem::getItemId)
                        .filter(lateIds::contains).collect(Collectors.toSet());
                assertThat(recommendedLate).as("items published after the restart were encoded and recommended").isNotEmpty();
                assertThat(kafka.readCommitted("dead-letters", DeadLetter.class))
                        .as("no text left unencoded").noneMatch(d -> d.getErrorCode().equals("TEXT_NOT_ENCODED"));
            } finally {
                job.cancel().get();
            }
            assertThat(tm.isAlive()).as("the same TaskManager ran the job throughout").isTrue();
            assertThat(cluster.taskManagers()).containsExactly(tm);
            String tmLog = Files.readString(tm.logFile());
            assertThat(tmLog).as("failover reuses the job's class loader: no second native-library load")
                    .doesNotContain("already loaded in another classloader");
            Await.until(() -> "CANCELED".equals(rest.jobStatus(id)), Await.LONG, "job canceled");

            // A NEW job on the same TaskManager (a resubmission, an upgrade from a savepoint) gets a new user
            // class loader; without the encoder jars in lib/ its tokenizer cannot load a second time.
            Map<String, String> again = new java.util.HashMap<>(options);
            again.put("job.name", JOB + "-again");
            again.put("kafka.group-id", JOB + "-again");
            JobClient second = JobSubmitter.submit(cluster.restPort(), again);
            try {
                Await.until(() -> Files.readString(tm.logFile()).contains("already loaded in another classloader"),
                        Await.LONG, "the second job's tokenizer failing to load in a new class loader");
                Figures.record("ModelFailoverITCase", "resubmitted job on the same TaskManager without the encoder in "
                        + "lib/: tokenizer load fails (UnsatisfiedLinkError: already loaded in another classloader), "
                        + "highest task attempt " + rest.attempts(second.getJobID().toString()).highest());
            } finally {
                second.cancel().get();
            }
        }
    }
}
