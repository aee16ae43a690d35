package io.streamrec.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.config.JobConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaSinksTest {

    @Test
    void transactionTimeoutMustFitTheBrokerAndExceedTheCheckpointInterval() {
        assertThat(KafkaSinks.transactionTimeout(JobConfig.fromMap(Map.of()))).isEqualTo(Duration.ofMinutes(10));
        assertThatThrownBy(() -> KafkaSinks.transactionTimeout(
                        JobConfig.fromMap(Map.of("sink.transaction-timeout", "20 min"))))
                .hasMessageContaining("exceeds the broker's default transaction.max.timeout.ms");
        assertThatThrownBy(() -> KafkaSinks.transactionTimeout(JobConfig.fromMap(Map.of(
                        "sink.transaction-timeout", "5 s", "execution.checkpointing.interval", "10 s"))))
                .hasMessageContaining("must exceed the checkpoint interval");
    }

    @Test
    void lingerComesFromTheSinkOptionUnlessTheClientPropertiesSetIt() {
        assertThat(KafkaSinks.producerProperties(JobConfig.fromMap(Map.of())).getProperty("linger.ms")).isEqualTo("5");
        assertThat(KafkaSinks.producerProperties(JobConfig.fromMap(Map.of("sink.linger", "0 ms")))
                .getProperty("linger.ms")).isEqualTo("0");
        assertThat(KafkaSinks.producerProperties(JobConfig.fromMap(Map.of(
                "sink.linger", "0 ms", "kafka.client-properties", "linger.ms:20,compression.type:lz4"))))
                .containsEntry("linger.ms", "20").containsEntry("compression.type", "lz4");
    }

    @Test
    void transactionalIdPrefixDefaultsToTheJobName() {
        assertThat(KafkaSinks.transactionalIdPrefix(JobConfig.fromMap(Map.of("job.name", "shop-eu"))))
                .isEqualTo("shop-eu");
        assertThat(KafkaSinks.transactionalIdPrefix(JobConfig.fromMap(Map.of(
                "job.name", "shop-eu", "sink.transactional-id-prefix", "p1")))).isEqualTo("p1");
    }
}
