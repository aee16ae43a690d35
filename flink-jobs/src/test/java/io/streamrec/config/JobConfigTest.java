package io.streamrec.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.junit.jupiter.api.Test;

class JobConfigTest {

    @Test
    void parsesArgumentsAndAppliesTheJobsFlinkDefaults() {
        Configuration c = JobConfig.fromArgs(new String[] {
            "--kafka.bootstrap-servers", "10.0.0.1:9093", "--recommend.top-n=5", "--parallelism.default", "3"});
        assertThat(c.get(KafkaOptions.BOOTSTRAP_SERVERS)).isEqualTo("10.0.0.1:9093");
        assertThat(c.get(RecommendOptions.TOP_N)).isEqualTo(5);
        assertThat(c.getString("parallelism.default", null)).isEqualTo("3");
        assertThat(c.get(KafkaOptions.TOPIC_ITEMS)).isEqualTo("items");
    }

    @Test
    void theJobsFlinkDefaultsFillOnlyWhatNeitherJobNorClusterSets() {
        Configuration none = JobOptions.missingFlinkDefaults(new Configuration());
        assertThat(none.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isEqualTo(Duration.ofSeconds(10));
        assertThat(none.get(PipelineOptions.GENERIC_TYPES)).isFalse();
        assertThat(none.get(ExecutionOptions.BUFFER_TIMEOUT)).isEqualTo(Duration.ofMillis(10));
        assertThat(none.get(PipelineOptions.OBJECT_REUSE)).isTrue();
        Configuration cluster = JobConfig.fromMap(Map.of(
                "execution.checkpointing.interval", "2 s", "execution.checkpointing.dir", "s3://bucket/cp"));
        Configuration missing = JobOptions.missingFlinkDefaults(cluster);
        assertThat(missing.getOptional(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isEmpty();
        assertThat(missing.getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEmpty();
        assertThat(missing.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS)).isTrue();
    }

    @Test
    void aTypoInAProductOptionIsAnError() {
        assertThatThrownBy(() -> JobConfig.fromArgs(new String[] {"--recommend.topn", "5"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown option(s) [recommend.topn]")
                .hasMessageContaining("recommend.top-n");
        assertThatThrownBy(() -> JobConfig.fromArgs(new String[] {"stray"}))
                .hasMessageContaining("Unexpected argument 'stray'");
    }

    @Test
    void secretsAreMaskedInTheLoggedConfiguration() {
        Configuration c = JobConfig.fromMap(Map.of(
                "kafka.client-properties",
                "security.protocol:SASL_SSL,sasl.jaas.config:org.Foo required password=hunter2,ssl.truststore.password:abc",
                "s3.secret-key", "AKIA-SECRET"));
        String logged = JobConfig.masked(c).toString();
        assertThat(logged).doesNotContain("hunter2").doesNotContain("AKIA-SECRET").doesNotContain(":abc");
        assertThat(logged).contains("security.protocol:SASL_SSL").contains("******");
    }
}
