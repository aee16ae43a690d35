package io.streamrec.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.EventType;
import io.streamrec.avro.ModelUpdate;
import io.streamrec.avro.Recommendation;
import io.streamrec.avro.RecommendedItem;
import io.streamrec.avro.UserEvent;
import io.streamrec.job.RecommendationJob;
import io.streamrec.local.cluster.ClusterSettings;
import io.streamrec.local.cluster.FlinkRest;
import io.streamrec.local.cluster.StandaloneCluster;
import io.streamrec.reliability.support.Await;
import io.streamrec.reliability.support.DeadLetterTally;
import io.streamrec.reliability.support.Figures;
import io.streamrec.reliability.support.JobOptionsBuilder;
import io.streamrec.reliability.support.JobSubmitter;
import io.streamrec.reliability.support.Kafka;
import io.streamrec.reliability.support.RankerGauges;
import io.streamrec.reliability.support.Recs;
import io.streamrec.reliability.support.RunDirs;
import io.streamrec.reliability.support.UserJars;
import io.streamrec.tools.data.SyntheticWorkload;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.junit.jupiter.api.Test;

/**
 * Upgrade with state: version 1 of the job (MODEL recommender) runs, stops with a savepoint; version 2
 * (the same job plus a new stateful branch) starts from it on the same TaskManager. User histories, the
 * item index and the model's parameters come back from the savepoint: the model version continues
 * (the model log is not replayed: learning.rebuild-from-log is off), items bought before the upgrade
 * are still excluded, and items are recommended although the catalogue is not sent again. Restarting
 * a new job on the same TaskManager loads the encoder in a new user class loader, so this cluster has
 * the encoder jars in its lib/ and loads them parent-first (docs/encoder.md).
 */
class SavepointUpgradeITCase {
    private static final String JOB = "reliability-upgrade";

    @Test
    void stateSurvivesAStopWithSavepointAndAChangedJob() throws Exception {
        Path run = RunDirs.create("upgrade");
        SyntheticWorkload workload = new SyntheticWorkload(9, 40, 16, Instant.now().minus(Duration.ofHours(2)));
        List<UserEvent> events = workload.events(420);
        List<UserEvent> warmUp = events.subList(0, 200);
        List<UserEvent> probe = events.subList(200, 260);
        List<UserEvent> after = events.subList(260, 420);
        Path testJar = UserJars.of(run.resolve("test-classes.jar"), DeadLetterTally.class);
        try (Kafka kafka = Kafka.start();
                StandaloneCluster cluster = StandaloneCluster.start(run.resolve("flink"),
                        RankerGauges.freshMetrics(ClusterSettings.forModel()), 1)) {
            FlinkRest rest = cluster.rest();
            kafka.sendItems(workload.items());
            Map<String, String> v1Options = JobOptionsBuilder.of(JOB, kafka.bootstrap(), run.resolve("checkpoints"))
                    .learningModel()
                    .build();
            JobClient v1 = JobSubmitter.submit(cluster.restPort(), v1Options);
            String v1Id = v1.getJobID().toString();
            Await.until(() -> rest.allTasksRunning(v1Id), Await.LONG, "v1 running");
            // Feedback is learnt only about items a ranker has indexed: the warm-up starts once every ranker
            // has the whole catalogue (the encoder's first vectors take a while on a slow machine).
            RankerGauges.awaitAtLeast(rest, v1Id, RankerGauges.ITEMS_INDEXED, workload.items().size(), Await.LONG,
                    "the catalogue indexed by v1");
            send(kafka, warmUp);
            List<ModelUpdate> updates = Await.until(() -> kafka.readCommitted("model-updates", ModelUpdate.class),
                    u -> u.size() >= 2, Await.LONG, "model updates from the warm-up");
            // The rankers apply the committed updates asynchronously: the probe follows once every one has.
            RankerGauges.awaitAtLeast(rest, v1Id, RankerGauges.MODEL_VERSION, updates.size(), Await.LONG,
                    "the committed updates applied by every ranker");
            send(kafka, probe);
            List<Recommendation> before = Await.until(() -> kafka.readCommitted("recommendations", Recommendation.class),
                    r -> r.size() >= 260, Await.LONG, "v1 recommendations");
            long versionBefore = before.stream().mapToLong(Recommendation::getModelVersion).max().orElse(0);
            assertThat(versionBefore).as("v1 learned before the savepoint").isGreaterThanOrEqualTo(updates.size());

            long t0 = System.nanoTime();
            String savepoint = v1.stopWithSavepoint(false, run.resolve("savepoints").toUri().toString(),
                    SavepointFormatType.CANONICAL).get(180, TimeUnit.SECONDS);
            Figures.record("SavepointUpgradeITCase", "stop-with-savepoint took " + (System.nanoTime() - t0) / 1_000_000
                    + " ms: " + savepoint);

            Map<String, String> v2Options = new HashMap<>(v1Options);
            v2Options.put("execution.state-recovery.path", savepoint);
            v2Options.put("learning.rebuild-from-log", "false"); // the model must come from the savepoint
            JobClient v2 = JobSubmitter.submit(cluster.restPort(), v2Options, (config, env) -> {
                RecommendationJob.onKafka(config).build(env);
                DeadLetterTally.addTo(env, kafka.bootstrap());
            }, List.of(testJar));
            String v2Id = v2.getJobID().toString();
            try {
                Await.until(() -> rest.allTasksRunning(v2Id), Await.LONG, "v2 running");
                assertThat(rest.get("/jobs/" + v2Id).path("vertices").toString()).contains("dead-letter tally (v2)");
                send(kafka, after);
                List<Recommendation> all = Await.until(() -> kafka.readCommitted("recommendations", Recommendation.class),
                        r -> r.size() >= events.size(), Await.LONG, "v2 recommendations");
                assertThat(Recs.triggerIds(all)).as("one recommendation per event across the upgrade")
                        .containsExactlyElementsOf(Recs.eventIds(events));
                Set<String> afterIds = new HashSet<>(Recs.eventIds(after));
                List<Recommendation> v2Recs = all.stream().filter(r -> afterIds.contains(r.getTriggerEventId())).toList();
                assertThat(v2Recs).as("the model version continues from the savepoint")
                        .allSatisfy(r -> assertThat(r.getModelVersion()).isGreaterThanOrEqualTo(versionBefore));
                assertThat(v2Recs.stream().filter(r -> !r.getItems().isEmpty()).count())
                        .as("the item index came back: items recommended without the catalogue sent again")
                        .isGreaterThan(v2Recs.size() * 9L / 10);
                Map<String, Set<String>> boughtBefore = purchases(events.subList(0, 260));
                assertThat(boughtBefore).as("purchases before the upgrade").isNotEmpty();
                for (Recommendation r : v2Recs) {
                    Set<String> bought = boughtBefore.get(r.getUserId());
                    if (bought == null) {
                        continue;
                    }
                    assertThat(r.getItems()).as("user history restored: items bought before the upgrade excluded")
                            .extracting(RecommendedItem::getItemId).doesNotContainAnyElementsOf(bought);
                }
                Figures.record("SavepointUpgradeITCase", "model version before " + versionBefore + ", after: min "
                        + v2Recs.stream().mapToLong(Recommendation::getModelVersion).min().orElse(-1) + ", max "
                        + v2Recs.stream().mapToLong(Recommendation::getModelVersion).max().orElse(-1));
            } finally {
                v2.cancel().get();
            }
        }
    }

    private static void send(Kafka kafka, List<UserEvent> events) throws Exception {
        for (UserEvent e : events) {
            kafka.sendEvent(e);
        }
        kafka.flush();
    }

    private static Map<String, Set<String>> purchases(List<UserEvent> events) {
        Map<String, Set<String>> out = new HashMap<>();
        for (UserEvent e : events) {
            if (e.getType() == EventType.PURCHASE) {
                out.computeIfAbsent(e.getUserId(), u -> new HashSet<>()).add(e.getItemId());
            }
        }
        return out;
    }
}
