package io.streamrec.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.Recommendation;
import io.streamrec.avro.UserEvent;
import io.streamrec.local.cluster.ClusterSettings;
import io.streamrec.local.cluster.FlinkProcess;
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
import io.streamrec.reliability.support.SoakSampler;
import io.streamrec.reliability.support.SoakSampler.Sample;
import io.streamrec.tools.data.SyntheticWorkload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Test;

/**
 * A bounded soak at a steady rate with checkpoints every 2 s: after a warm-up (user histories reach
 * their cap), checkpointed state size, checkpoint duration and TaskManager RSS stay flat (last-third
 * mean within a bound of the first-third mean), and every event still has exactly one recommendation.
 * The suite runs {@value #DEFAULT_SECONDS} s; {@code scripts/soak.sh --minutes N} runs it longer
 * ({@code -Dsoak.seconds}).
 */
class SoakITCase {
    static final int DEFAULT_SECONDS = 45;
    private static final int RATE = 250;

    @Test
    void stateMemoryAndCheckpointTimeStayFlat() throws Exception {
        int seconds = Integer.getInteger("soak.seconds", DEFAULT_SECONDS);
        // Warm-up: cluster start-up load, the first (full) checkpoints, histories filling to their cap.
        double warmUp = Math.max(25, seconds * 0.3);
        Path run = RunDirs.create("soak");
        // Few users and items, so that histories (user.history.max-length 50) and co-occurrences saturate early.
        SyntheticWorkload workload = new SyntheticWorkload(3, 200, 100, SyntheticWorkload.DEFAULT_START);
        List<UserEvent> events = workload.events(seconds * RATE);
        try (Kafka kafka = Kafka.start();
                StandaloneCluster cluster = StandaloneCluster.start(run.resolve("flink"), ClusterSettings.small(), 1)) {
            kafka.sendItems(workload.items());
            JobClient job = JobSubmitter.submit(cluster.restPort(),
                    JobOptionsBuilder.of("reliability-soak", kafka.bootstrap(), run.resolve("checkpoints")).build());
            String id = job.getJobID().toString();
            FlinkRest rest = cluster.rest();
            FlinkProcess tm = cluster.taskManagers().get(0);
            SoakSampler sampler = new SoakSampler();
            try {
                Await.until(() -> rest.allTasksRunning(id), Await.LONG, "job running");
                try (EventFeeder feeder = EventFeeder.start(kafka, events, RATE)) {
                    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
                    // Samples every 2 s for the soak's fixed length: pacing, not a wait for something to happen.
                    while (System.nanoTime() < end) {
                        sampler.sample(rest, id, tm);
                        Thread.sleep(2000);
                    }
                    feeder.awaitDone(Await.LONG);
                }
                List<Recommendation> recs = Await.until(() -> kafka.readCommitted("recommendations", Recommendation.class),
                        r -> r.size() >= events.size(), Await.LONG, "all recommendations");
                assertThat(Recs.triggerIds(recs)).containsExactlyElementsOf(Recs.eventIds(events));
                assertThat(rest.attempts(id).highest()).as("no task redeployed during the soak").isZero();
            } finally {
                job.cancel().get();
            }
            report(sampler, warmUp, seconds, events.size());
        }
    }

    private static void report(SoakSampler sampler, double warmUp, int seconds, int events) {
        List<Sample> steady = sampler.steady(warmUp);
        assertThat(steady).as("samples after warm-up").hasSizeGreaterThanOrEqualTo(6);
        double state1 = SoakSampler.firstThird(steady, Sample::stateBytes);
        double state3 = SoakSampler.lastThird(steady, Sample::stateBytes);
        double delta1 = SoakSampler.firstThird(steady, Sample::checkpointedBytes);
        double delta3 = SoakSampler.lastThird(steady, Sample::checkpointedBytes);
        double rss1 = SoakSampler.firstThird(steady, Sample::rssBytes);
        double rss3 = SoakSampler.lastThird(steady, Sample::rssBytes);
        double dur1 = SoakSampler.firstThird(steady, Sample::durationMs);
        double dur3 = SoakSampler.lastThird(steady, Sample::durationMs);
        Figures.record("SoakITCase", String.format("%d s at %d events/s (%d events), warm-up %.0f s, %d samples: "
                        + "state %.0f -> %.0f KB, incremental checkpoint %.0f -> %.0f KB, TM RSS %.0f -> %.0f MB, checkpoint %.0f -> %.0f ms (first -> last third)",
                seconds, RATE, events, warmUp, steady.size(), state1 / 1024, state3 / 1024, delta1 / 1024, delta3 / 1024, rss1 / 1048576, rss3 / 1048576,
                dur1, dur3));
        sampler.all().forEach(s -> System.out.println("[soak] " + s));
        // Incremental checkpoints: what each checkpoint uploads must not grow at a steady rate. The full size
        // (all SST files referenced) rises in steps until RocksDB compacts; it is bounded by design (histories
        // capped at 50, neighbours at 50), so it gets a looser bound and a ceiling.
        // (RocksDB compactions make some uploads larger; 2x leaves room for that in a short run.)
        assertThat(delta3).as("incremental checkpoint size stays flat").isLessThanOrEqualTo(delta1 * 2);
        assertThat(state3).as("full state size").isLessThanOrEqualTo(Math.max(state1 * 2, 1 << 20)).isLessThan(16 << 20);
        assertThat(rss3).as("TaskManager RSS stays flat").isLessThanOrEqualTo(rss1 * 1.25);
        // Durations are short and the machine is shared: allow noise of a few hundred ms.
        assertThat(dur3).as("checkpoint duration stays flat").isLessThanOrEqualTo(Math.max(dur1 * 3, dur1 + 1500));
    }
}
