package io.streamrec.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

class EncoderSettingsTest {

    @Test
    void readsEveryOptionByKey() {
        Configuration config = Configuration.fromMap(java.util.Map.ofEntries(
                java.util.Map.entry("encoder.model-dir", "/models/custom"),
                java.util.Map.entry("encoder.model", "all-minilm-l6-v2"),
                java.util.Map.entry("encoder.provider", "cuda"),
                java.util.Map.entry("encoder.cuda.device-id", "1"),
                java.util.Map.entry("encoder.cuda.fallback-to-cpu", "true"),
                java.util.Map.entry("encoder.threads", "4"),
                java.util.Map.entry("encoder.batch.max-size", "64"),
                java.util.Map.entry("encoder.batch.max-wait", "10 ms"),
                java.util.Map.entry("encoder.max-text-chars", "1000"),
                java.util.Map.entry("encoder.cache.max-entries", "5"),
                java.util.Map.entry("encoder.async.capacity", "200"),
                java.util.Map.entry("encoder.async.timeout", "30 s")));

        EncoderSettings settings = EncoderSettings.fromConfiguration(config);

        assertThat(settings).isEqualTo(new EncoderSettings("/models/custom", "all-minilm-l6-v2",
                ExecutionProvider.CUDA, 1, true, 4, 64, Duration.ofMillis(10), 1000, 5, 200,
                Duration.ofSeconds(30)));
    }

    @Test
    void defaults() {
        EncoderSettings settings = EncoderSettings.defaults();
        assertThat(settings.provider()).isEqualTo(ExecutionProvider.CPU);
        assertThat(settings.batchMaxSize()).isEqualTo(32);
        assertThat(settings.batchMaxWait()).isEqualTo(Duration.ofMillis(5));
        assertThat(settings.model()).isEqualTo("all-minilm-l6-v2-q");
    }

    @Test
    void rejectsNonsenseWithTheOptionName() {
        Configuration config = new Configuration();
        config.set(EncoderOptions.BATCH_MAX_SIZE, 0);
        assertThatThrownBy(() -> EncoderSettings.fromConfiguration(config))
                .hasMessageContaining("encoder.batch.max-size");
    }
}
