package io.streamrec.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.schemas.Topic;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checks above catch drift: each case feeds a drifted setting to a check and expects a problem. */
class DriftDetectionTest {

    @Test
    void aRenamedOrMistypedOptionIsReported() {
        assertThat(ProductOptions.problems(Map.of("kafka.bootstrap-server", "kafka:9092"), "args"))
                .singleElement().asString().contains("kafka.bootstrap-server").contains("not declared");
        assertThat(ProductOptions.problems(Map.of("encoder.modle", "x"), "args")).hasSize(1);
        assertThat(ProductOptions.problems(Map.of("recommend.top-n", "ten"), "args"))
                .singleElement().asString().contains("cannot parse");
        assertThat(ProductOptions.problems(Map.of("kafka.client-properties", "security.protocol:SSL"), "args")).isEmpty();
    }

    @Test
    void aJobOptionInTheClusterConfigurationIsReported() {
        assertThat(ProductOptions.productKeysInClusterConfig(Map.of("kafka.group-id", "g", "parallelism.default", "2"), "cfg"))
                .singleElement().asString().contains("kafka.group-id");
    }

    @Test
    void aClusterCheckpointFolderTheJobWouldOverrideIsReported() {
        Map<String, String> cluster = Map.of("execution.checkpointing.dir", "s3://bucket/checkpoints");
        assertThat(ProductOptions.defaultsOverridingCluster(cluster, Map.of(), "cfg"))
                .singleElement().asString().contains("execution.checkpointing.dir");
        assertThat(ProductOptions.defaultsOverridingCluster(cluster,
                Map.of("execution.checkpointing.dir", "s3://bucket/checkpoints"), "cfg")).isEmpty();
        // A cluster value equal to the job's default is no conflict.
        assertThat(ProductOptions.defaultsOverridingCluster(Map.of("state.backend.type", "rocksdb"), Map.of(), "cfg")).isEmpty();
    }

    @Test
    void wrongMissingOrExtraTopicsAreReported() {
        Map<String, Topics.Created> created = new LinkedHashMap<>();
        for (Topic topic : Topic.values()) {
            created.put(topic.defaultName(), new Topics.Created(topic.partitions(), topic.compacted() ? "compact" : "delete"));
        }
        assertThat(Topics.problems(created, Map.of(), "t")).isEmpty();

        Map<String, Topics.Created> drifted = new LinkedHashMap<>(created);
        drifted.put(Topic.ITEMS.defaultName(), new Topics.Created(Topic.ITEMS.partitions(), "delete"));
        drifted.remove(Topic.DEAD_LETTERS.defaultName());
        drifted.put("old-topic", new Topics.Created(1, "delete"));
        assertThat(Topics.problems(drifted, Map.of(), "t")).hasSize(3);

        // A topic renamed by its option must be created under the new name.
        assertThat(Topics.problems(created, Map.of(ProductOptions.topicOptionKey(Topic.VIEWS), "page-views"), "t"))
                .anySatisfy(p -> assertThat(p).contains("page-views"));
    }

    @Test
    void aTransactionTimeoutAboveTheBrokersMaximumIsReported() {
        assertThat(KafkaResourcesTest.transactionProblems(Map.of("sink.transaction-timeout", "20min"), Map.of(), 900_000))
                .singleElement().asString().contains("transaction.max.timeout.ms");
        assertThat(KafkaResourcesTest.transactionProblems(Map.of("sink.transaction-timeout", "5s"), Map.of(), 900_000))
                .singleElement().asString().contains("checkpoint interval");
    }

    @Test
    void anUnknownDashboardMetricIsReported() {
        Set<String> used = DashboardTest.metricsIn(List.of(
                "sum(rate(flink_taskmanager_job_task_operator_eventsVaild[1m]))"));
        Set<String> known = new HashSet<>(MetricCatalog.registered());
        known.addAll(MetricCatalog.FLINK_BUILT_IN);
        assertThat(used).isNotEmpty().doesNotContainAnyElementsOf(known);
        assertThat(MetricCatalog.planned()).doesNotContainAnyElementsOf(MetricCatalog.registered());
    }

    @Test
    void dockerfileArgumentsAreResolvedSoAVersionDriftShows() {
        DockerfileModel model = DockerfileModel.parse("""
                ARG FLINK_VERSION=2.1.0
                FROM flink:${FLINK_VERSION}-scala_2.12-java17 AS base
                COPY a/target/x.jar /opt/flink/usrlib/x.jar
                FROM base AS cpu
                """);
        assertThat(model.stage("base").baseImage).isEqualTo("flink:2.1.0-scala_2.12-java17")
                .isNotEqualTo("flink:" + BuildVersions.flink() + "-scala_2.12-java17");
        assertThat(model.createdPaths("cpu")).containsExactly("/opt/flink/usrlib/x.jar");
        assertThatThrownBy(() -> DockerfileModel.parse("FROM x AS a\nADD y /z\n")).hasMessageContaining("ADD");
    }

    @Test
    void aComposeVariableWithoutDefaultIsReported() {
        assertThatThrownBy(() -> ComposeFile.interpolate("image: x:${TAG}")).hasMessageContaining("${TAG}");
        assertThat(ComposeFile.interpolate("a: ${X:-1} b: $$1")).isEqualTo("a: 1 b: $1");
    }
}
