package io.streamrec.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.Recommendation;
import io.streamrec.avro.UserEvent;
import io.streamrec.local.cluster.ClusterSettings;
import io.streamrec.local.cluster.FlinkRest;
import io.streamrec.local.cluster.StandaloneCluster;
import io.streamrec.reliability.support.Await;
import io.streamrec.reliability.support.EventFeeder;
import io.streamrec.reliability.support.Figures;
import io.streamrec.reliability.support.JobOptionsBuilder;
import io.streamrec.reliability.support.JobSubmitter;
import io.streamrec.reliability.support.Kafka;
import io.streamrec.reliability.support.Recs;
import io.streamrec.reliability.support.RunDirs;
import io.streamrec.reliability.support.Transactions;
import io.streamrec.tools.data.SyntheticWorkload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Test;

/**
 * A TaskManager SIGKILLed twice in the middle of a stream, a new one started each time, on a real
 * standalone cluster: every valid event has exactly one committed recommendation, no transaction of
 * the job stays open after cancel, and the fake SASL password given to the Kafka clients is in no log.
 */
class TaskManagerKillITCase {
    private static final String JOB = "reliability-tm-kill";
    private static final String SECRET = "S3cret-do-not-log-4711";
    private static final int EVENTS = 3600;
    private static final int RATE = 120;

    @Test
    void exactlyOnceAcrossTwoTaskManagerKills() throws Exception {
        Path tmp = RunDirs.create("tm-kill");
        SyntheticWorkload workload = new SyntheticWorkload(11, 120, 40, SyntheticWorkload.DEFAULT_START);
        List<UserEvent> events = workload.events(EVENTS);
        try (Kafka kafka = Kafka.start();
                StandaloneCluster cluster = StandaloneCluster.start(tmp.resolve("flink"), ClusterSettings.small(), 1)) {
            kafka.sendItems(workload.items());
            Map<String, String> options = JobOptionsBuilder.of(JOB, kafka.bootstrap(), tmp.resolve("checkpoints"))
                    // PLAINTEXT here, so the SASL settings are carried but unused: enough to see where they are logged.
                    .set("kafka.client-properties", "sasl.mechanism:PLAIN,'sasl.jaas.config:org.apache.kafka.common."
                            + "security.plain.PlainLoginModule required username=\"streamrec\" password=\"" + SECRET + "\";'")
                    .build();
            JobClient job = JobSubmitter.submit(cluster.restPort(), options);
            String id = job.getJobID().toString();
            FlinkRest rest = cluster.rest();
            try {
                Await.until(() -> rest.allTasksRunning(id), Await.LONG, "job running");
                // The stream in thirds, one feeder each: a kill lands halfway through a third, so events are
                // still arriving while the job is down however long the previous recovery took (with one feeder
                // for the whole stream, a slow first recovery let it finish before the second kill, and then
                // nothing new was left to commit after that kill).
                long lastCheckpoint = -1; // none yet
                for (int third = 0; third < 3; third++) {
                    List<UserEvent> part = events.subList(EVENTS * third / 3, EVENTS * (third + 1) / 3);
                    try (EventFeeder feeder = EventFeeder.start(kafka, part, RATE)) {
                        if (third < 2) {
                            int kill = third + 1;
                            int mark = part.size() / 2;
                            long since = lastCheckpoint;
                            // A checkpoint completed since the previous kill: each kill hits a job that has recovered.
                            FlinkRest.CheckpointInfo checkpoint = Await.until(() -> feeder.sent() >= mark
                                            ? rest.latestCheckpoint(id) : null, cp -> cp != null && cp.id() > since,
                                    Await.LONG, "events sent and a checkpoint completed before kill " + kill);
                            lastCheckpoint = checkpoint.id();
                            killTaskManagerAndMeasureRecovery(cluster, kafka, id, kill);
                        }
                        feeder.awaitDone(Await.LONG);
                    }
                }
                List<Recommendation> recs = Await.until(
                        () -> kafka.readCommitted("recommendations", Recommendation.class),
                        r -> r.size() >= EVENTS, Await.LONG, "all recommendations committed");
                assertThat(Recs.triggerIds(recs)).as("one committed recommendation per valid event, none twice")
                        .containsExactlyElementsOf(Recs.eventIds(events));
                assertThat(rest.attempts(id).restartsOfEveryTask()).as("restarts of every task").isGreaterThanOrEqualTo(2);
            } finally {
                job.cancel().get();
            }
            Await.until(() -> "CANCELED".equals(rest.jobStatus(id)), Await.LONG, "job canceled");
            assertThat(Transactions.all(kafka.bootstrap(), JOB)).as("the sinks were transactional").isNotEmpty();
            Await.until(() -> Transactions.open(kafka.bootstrap(), JOB), List::isEmpty, Await.LONG,
                    "no open transactions of the job after cancel");
            assertSecretNotLogged(cluster);
        }
    }

    private static void killTaskManagerAndMeasureRecovery(StandaloneCluster cluster, Kafka kafka, String id, int kill)
            throws Exception {
        long committedBefore = kafka.committedEnd("recommendations");
        // Every task deployed again since before this kill, not "as many attempts as kills": one recovery may
        // take more than one attempt, and then the next kill's wait would end before the JobManager noticed it.
        int restartsBefore = cluster.rest().attempts(id).restartsOfEveryTask();
        long t0 = System.nanoTime();
        cluster.taskManagers().get(0).kill();
        cluster.startTaskManager();
        Await.until(() -> cluster.rest().attempts(id).restartsOfEveryTask() > restartsBefore && cluster.rest().allTasksRunning(id),
                Await.LONG, "job running again after kill " + kill);
        long running = (System.nanoTime() - t0) / 1_000_000;
        Await.until(() -> kafka.committedEnd("recommendations") > committedBefore, Await.LONG,
                "new committed output after kill " + kill);
        long output = (System.nanoTime() - t0) / 1_000_000;
        Figures.record("TaskManagerKillITCase", "kill " + kill + ": all tasks RUNNING after " + running
                + " ms, first new committed output after " + output + " ms (checkpoint interval 2 s, heartbeat 2 s/8 s)");
    }

    private static void assertSecretNotLogged(StandaloneCluster cluster) throws Exception {
        boolean carried = false;
        for (Path log : cluster.logFiles()) {
            String text = Files.readString(log);
            assertThat(text).as("log " + log.getFileName()).doesNotContain(SECRET);
            carried |= text.contains("sasl.jaas.config = [hidden]");
        }
        assertThat(carried).as("the JAAS setting reached the Kafka clients (logged masked)").isTrue();
    }
}
