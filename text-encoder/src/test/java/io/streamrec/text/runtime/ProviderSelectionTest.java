package io.streamrec.text.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.text.EncoderSettings;
import io.streamrec.text.ExecutionProvider;
import io.streamrec.text.TestModels;
import org.junit.jupiter.api.Test;

/** Runs where no usable GPU is present (the build machine): CUDA fails clearly or falls back when allowed. */
class ProviderSelectionTest {

    @Test
    void cudaWithoutGpuFailsWithTheReason() {
        SessionSpec spec = SessionSpec.of(TestModels.dir(TestModels.INT8),
                EncoderSettings.defaults().withProvider(ExecutionProvider.CUDA, 0, false), 0);

        assertThatThrownBy(() -> EncoderRegistry.encoder(spec))
                .isInstanceOf(EncoderUnavailableException.class)
                .hasMessageContaining("encoder.provider=cuda")
                .hasMessageContaining("encoder.cuda.fallback-to-cpu=true");
        assertThat(EncoderRegistry.sessionUsers(spec)).isZero();
    }

    @Test
    void cudaWithoutGpuFallsBackToCpuWhenAllowed() throws Exception {
        SessionSpec spec = SessionSpec.of(TestModels.dir(TestModels.INT8),
                EncoderSettings.defaults().withProvider(ExecutionProvider.CUDA, 0, true), 0);

        try (Lease<SentenceEncoder> encoder = EncoderRegistry.encoder(spec)) {
            assertThat(encoder.get().provider()).isEqualTo(ExecutionProvider.CPU);
            assertThat(encoder.get().encodeTexts(java.util.List.of("fallback works"), 1)[0]).hasSize(384);
        }
    }

    @Test
    void oneSessionPerSpecClosedWithTheLastUser() {
        SessionSpec spec = SessionSpec.of(TestModels.dir(TestModels.INT8), EncoderSettings.defaults(), 0);
        Lease<SentenceEncoder> first = EncoderRegistry.encoder(spec);
        Lease<SentenceEncoder> second = EncoderRegistry.encoder(spec);

        assertThat(second.get()).isSameAs(first.get());
        assertThat(EncoderRegistry.sessionUsers(spec)).isEqualTo(2);
        first.close();
        first.close(); // idempotent
        assertThat(EncoderRegistry.sessionUsers(spec)).isEqualTo(1);
        second.close();
        assertThat(EncoderRegistry.sessionUsers(spec)).isZero();
    }
}
