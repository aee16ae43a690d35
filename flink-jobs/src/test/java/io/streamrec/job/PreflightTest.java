package io.streamrec.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.config.JobConfig;
import io.streamrec.text.EncoderOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks before submission that need no broker: model files, an unreachable broker, the switch. */
class PreflightTest {

    private static Configuration config(Map<String, String> extra) {
        Map<String, String> options = new HashMap<>();
        options.put("kafka.bootstrap-servers", "127.0.0.1:" + closedPort());
        options.put("job.preflight.timeout", "2 s");
        options.putAll(extra);
        return JobConfig.fromMap(options);
    }

    /** A loopback port nobody listens on: connections are refused at once. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path modelFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("model.onnx"), "not a real model: only its presence is checked here");
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        return dir;
    }

    @Test
    void aModelFolderWithoutTheModelIsRefusedWithWhereItLooked(@TempDir Path empty) {
        Configuration config = config(Map.of("recommend.recommender", "MODEL", "encoder.model-dir", empty.toString()));
        assertThatThrownBy(() -> Preflight.check(config))
                .isInstanceOf(Preflight.Failure.class)
                .hasMessageContaining("model files are missing")
                .hasMessageContaining("model.onnx")
                .hasMessageContaining(empty.toString());
    }

    @Test
    void theModelFolderFoundOnTheClientIsPinnedForTheCluster(@TempDir Path root) throws Exception {
        Path folder = modelFolder(root.resolve("all-minilm-l6-v2-q"));
        String before = System.getProperty("streamrec.models.root");
        System.setProperty("streamrec.models.root", root.toString());
        try {
            Configuration config = config(Map.of("recommend.recommender", "MODEL"));
            assertThat(Preflight.modelFolder(config)).isEqualTo(folder.toAbsolutePath().normalize().toString());
        } finally {
            if (before == null) {
                System.clearProperty("streamrec.models.root");
            } else {
                System.setProperty("streamrec.models.root", before);
            }
        }
    }

    @Test
    void anUnreachableBrokerIsRefusedWithinTheTimeout(@TempDir Path models) throws IOException {
        Configuration config = config(Map.of("recommend.recommender", "MODEL",
                "encoder.model-dir", modelFolder(models.resolve("m")).toString()));
        long started = System.nanoTime();
        assertThatThrownBy(() -> Preflight.check(config))
                .isInstanceOf(Preflight.Failure.class)
                .hasMessageContaining("did not answer within 2 s")
                .hasMessageContaining(config.get(io.streamrec.config.KafkaOptions.BOOTSTRAP_SERVERS));
        assertThat((System.nanoTime() - started) / 1e9).as("seconds until refused").isLessThan(30);
    }

    @Test
    void switchedOffItChecksNothing(@TempDir Path empty) throws Exception {
        Configuration config = config(Map.of("job.preflight", "false", "recommend.recommender", "MODEL",
                "encoder.model-dir", empty.toString()));
        assertThat(Preflight.check(config)).isSameAs(config);
        assertThat(config.get(EncoderOptions.MODEL_DIR)).isEqualTo(empty.toString());
    }
}
