package io.streamrec.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The replay runs with the streaming job's options, its deployment's Kafka, topics and folders replaced. */
class ReplayJobOptionsTest {

    @Test
    void keepsWhatDecidesTheStateAndReplacesWhatNamesTheDeployment() {
        Map<String, String> job = new LinkedHashMap<>();
        job.put("recommend.recommender", "MODEL");
        job.put("learning.batch-size", "64");
        job.put("parallelism.default", "4");
        job.put("kafka.bootstrap-servers", "kafka:9092");
        job.put("kafka.client-properties", "sasl.jaas.config:secret");
        job.put("topics.views", "prod-views");
        job.put("execution.checkpointing.dir", "s3://bucket/checkpoints");
        job.put("execution.state-recovery.path", "s3://bucket/savepoints/sp-1");
        job.put("metrics.reporter.prom.factory.class", "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
        job.put("high-availability.type", "kubernetes");

        Map<String, String> replay = ReplayJobOptions.forReplay(job, "127.0.0.1:40000", Path.of("/tmp/work"));

        assertThat(replay).containsEntry("recommend.recommender", "MODEL").containsEntry("learning.batch-size", "64")
                .containsEntry("parallelism.default", "4")
                .containsEntry("kafka.bootstrap-servers", "127.0.0.1:40000")
                .containsEntry("kafka.starting-offsets", "EARLIEST")
                .containsEntry("topics.combined-events", ReplayJobOptions.HISTORY_TOPIC)
                .containsEntry("execution.checkpointing.dir", "file:///tmp/work/checkpoints")
                .containsEntry("restart-strategy.type", "none")
                .doesNotContainKeys("kafka.client-properties", "topics.views", "execution.state-recovery.path",
                        "metrics.reporter.prom.factory.class", "high-availability.type");
        assertThat(ReplayJobOptions.replaced(job)).containsExactly("kafka.bootstrap-servers",
                "kafka.client-properties", "topics.views", "execution.checkpointing.dir", "execution.state-recovery.path",
                "metrics.reporter.prom.factory.class", "high-availability.type");
        assertThat(ReplayJobOptions.forReplay(Map.of(), "b:1", Path.of("/w"))).containsEntry("parallelism.default", "1");
    }
}
