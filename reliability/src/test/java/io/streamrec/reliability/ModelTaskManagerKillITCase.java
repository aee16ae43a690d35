package io.streamrec.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.ModelUpdate;
import io.streamrec.avro.Recommendation;
import io.streamrec.avro.UserEvent;
import io.streamrec.local.cluster.ClusterSettings;
import io.streamrec.local.cluster.FlinkRest;
import io.streamrec.local.cluster.StandaloneCluster;
import io.streamrec.metrics.MetricNames;
import io.streamrec.reliability.support.Await;
import io.streamrec.reliability.support.EventFeeder;
import io.streamrec.reliability.support.Figures;
import io.streamrec.reliability.support.JobOptionsBuilder;
import io.streamrec.reliability.support.JobSubmitter;
import io.streamrec.reliability.support.Kafka;
import io.streamrec.reliability.support.RankerGauges;
import io.streamrec.reliability.support.Recs;
import io.streamrec.reliability.support.RunDirs;
import io.streamrec.tools.data.SyntheticWorkload;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Test;

/**
 * The MODEL recommender (encoder loaded, online learning on, two ranker replicas) when its only
 * TaskManager is SIGKILLed mid-stream and a new one started: every event has exactly one committed
 * recommendation, the model's version continues from the checkpoint without going back or skipping an
 * update (each user's recommendations carry non-decreasing versions; every replica ends at the number of
 * committed updates), and the replicas hold identical parameters after recovery.
 */
class ModelTaskManagerKillITCase {
    private static final String JOB = "reliability-model-tm-kill";
    private static final int ITEMS = 48;
    private static final int EVENTS = 600;
    private static final int RATE = 20;

    @Test
    void exactlyOnceAndTheModelContinuesAcrossATaskManagerKill() throws Exception {
        Path run = RunDirs.create("model-tm-kill");
        SyntheticWorkload workload = new SyntheticWorkload(17, ITEMS, 20, Instant.now().minus(Duration.ofHours(2)));
        List<UserEvent> events = workload.events(EVENTS);
        // A new TaskManager is a new JVM: the encoder in lib/ loads there once, as in production.
        ClusterSettings settings = RankerGauges.freshMetrics(ClusterSettings.forModel());
        try (Kafka kafka = Kafka.start();
                StandaloneCluster cluster = StandaloneCluster.start(run.resolve("flink"), settings, 1)) {
            FlinkRest rest = cluster.rest();
            kafka.sendItems(workload.items());
            Map<String, String> options = JobOptionsBuilder.of(JOB, kafka.bootstrap(), run.resolve("checkpoints"))
                    .learningModel()
                    .build();
            JobClient job = JobSubmitter.submit(cluster.restPort(), options);
            String id = job.getJobID().toString();
            try {
                Await.until(() -> rest.allTasksRunning(id), Await.LONG, "job running");
                RankerGauges.awaitAtLeast(rest, id, RankerGauges.ITEMS_INDEXED, ITEMS, Await.LONG, "the catalogue indexed");
                long versionAtKill;
                try (EventFeeder feeder = EventFeeder.start(kafka, events, RATE)) {
                    // Killed once the model has learnt (an update applied on every replica) and a checkpoint
                    // holds it, half-way through the stream.
                    RankerGauges.awaitAtLeast(rest, id, RankerGauges.MODEL_VERSION, 1, Await.LONG,
                            "a model update applied before the kill");
                    FlinkRest.CheckpointInfo beforeKill = Await.until(
                            () -> feeder.sent() >= EVENTS / 2 ? rest.latestCheckpoint(id) : null, cp -> cp != null,
                            Await.LONG, "half the events sent and a checkpoint completed");
                    versionAtKill = rest.operatorGaugeMin(id, MetricNames.RANK_OPERATOR, RankerGauges.MODEL_VERSION);
                    int attemptBefore = rest.lowestAttempt(id, MetricNames.RANK_OPERATOR);
                    long t0 = System.nanoTime();
                    cluster.taskManagers().get(0).kill();
                    cluster.startTaskManager();
                    // Every ranker subtask deployed again (a newer attempt) and running, and a checkpoint since.
                    Await.until(() -> rest.lowestAttempt(id, MetricNames.RANK_OPERATOR) > attemptBefore
                                    && rest.allTasksRunning(id) ? rest.latestCheckpoint(id) : null,
                            cp -> cp != null && cp.id() > beforeKill.id(), Await.LONG,
                            "every ranker subtask redeployed after the kill (attempt > " + attemptBefore
                                    + "), running, and a checkpoint newer than " + beforeKill.id());
                    Figures.record("ModelTaskManagerKillITCase", "model job, TaskManager SIGKILL: all tasks RUNNING after "
                            + (System.nanoTime() - t0) / 1_000_000 + " ms and a checkpoint completed (encoder loaded again in the new "
                            + "TaskManager)");
                    feeder.awaitDone(Await.LONG);
                }
                List<Recommendation> recs = Await.until(
                        () -> kafka.readCommitted("recommendations", Recommendation.class),
                        r -> r.size() >= EVENTS, Await.LONG, "all recommendations committed");
                assertThat(Recs.triggerIds(recs)).as("one committed recommendation per event, none twice")
                        .containsExactlyElementsOf(Recs.eventIds(events));
                assertThat(recs).allSatisfy(r -> assertThat(r.getRecommender()).isEqualTo("model"));
                assertVersionsNeverGoBack(recs);
                assertThat(recs.stream().mapToLong(Recommendation::getModelVersion).max().orElse(0))
                        .as("learning went on after the kill").isGreaterThan(versionAtKill);

                // Every replica at the last committed update, with the same parameters.
                List<Long> versions = Await.until(() -> {
                    long committed = kafka.readCommitted("model-updates", ModelUpdate.class).size();
                    List<Long> v = rest.operatorGaugeValues(id, MetricNames.RANK_OPERATOR, RankerGauges.MODEL_VERSION);
                    return v.size() >= 2 && v.stream().allMatch(x -> x == committed) ? v : null;
                }, v -> v != null, Await.LONG, "every replica at the last committed model update");
                List<Long> checksums = rest.operatorGaugeValues(id, MetricNames.RANK_OPERATOR, RankerGauges.MODEL_CHECKSUM);
                assertThat(checksums).as("replicas' parameters at version " + versions.get(0)).hasSize(versions.size())
                        .doesNotContain(0L).containsOnly(checksums.get(0));
                Figures.record("ModelTaskManagerKillITCase", "replicas " + versions.size() + ", version " + versions.get(0)
                        + " (" + versionAtKill + " before the kill), checksum " + checksums.get(0) + " on each");
            } finally {
                job.cancel().get();
            }
        }
    }

    /** A user's recommendations, in committed order, never carry an older model version than before. */
    private static void assertVersionsNeverGoBack(List<Recommendation> recs) {
        Map<String, Long> last = new HashMap<>();
        for (Recommendation r : recs) {
            Long before = last.put(r.getUserId(), r.getModelVersion());
            if (before != null) {
                assertThat(r.getModelVersion()).as("model version of " + r.getRecommendationId() + " after "
                        + before + " for the same user").isGreaterThanOrEqualTo(before);
            }
        }
    }
}
