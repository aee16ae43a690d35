package io.streamrec.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.config.JobConfig;
import io.streamrec.local.kafka.KafkaBrokerProcess;
import io.streamrec.local.kafka.TopicAdmin;
import io.streamrec.text.EncoderOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** Against a real broker: missing topics are named and refused; with them created, the job may start. */
class PreflightITCase {

    @Test
    void missingTopicsAreRefusedByNameAndTheModelFolderIsPinned() throws Exception {
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.startEphemeral()) {
            Configuration config = JobConfig.fromMap(Map.of("kafka.bootstrap-servers", broker.bootstrapServers(),
                    "recommend.recommender", "MODEL", "topics.combined-events", "shop-events",
                    "job.preflight.timeout", "2 s"));
            assertThatThrownBy(() -> Preflight.check(config))
                    .isInstanceOf(Preflight.Failure.class)
                    .hasMessageContaining("topics missing on the broker at " + broker.bootstrapServers() + " after 2 s")
                    .hasMessageContaining("views").hasMessageContaining("model-updates")
                    .hasMessageContaining("dead-letters").hasMessageContaining("shop-events");

            TopicAdmin.createTopics(broker.bootstrapServers());
            assertThatThrownBy(() -> Preflight.check(config)).as("the combined topic is still missing")
                    .isInstanceOf(Preflight.Failure.class)
                    .hasMessageContaining("[shop-events]");

            Configuration standard = JobConfig.fromMap(Map.of("kafka.bootstrap-servers", broker.bootstrapServers(),
                    "recommend.recommender", "MODEL"));
            Configuration checked = Preflight.check(standard);
            Path folder = Path.of(checked.get(EncoderOptions.MODEL_DIR));
            assertThat(folder).as("the model folder the client found, for every TaskManager").isAbsolute();
            assertThat(Files.isRegularFile(folder.resolve("model.onnx"))).isTrue();
        }
    }
}
