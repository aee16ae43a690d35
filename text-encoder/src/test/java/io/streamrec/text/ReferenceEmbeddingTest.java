package io.streamrec.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamrec.text.runtime.Lease;
import io.streamrec.text.runtime.SentenceEncoder;
import io.streamrec.text.runtime.TokenizedText;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fp32 model reproduces the reference sentence-transformers output. */
class ReferenceEmbeddingTest {

    private static Lease<SentenceEncoder> fp32;

    @BeforeAll
    static void open() {
        fp32 = TestModels.encoder(TestModels.FP32);
    }

    @AfterAll
    static void close() {
        fp32.close();
    }

    @Test
    void exampleSentenceMatchesReferenceValues() throws Exception {
        float[] vector = fp32.get().encodeTexts(List.of("This is an example sentence"), 1)[0];

        assertThat(vector).hasSize(384);
        float[] expected = {0.06766f, 0.06350f, 0.04871f, 0.07930f, 0.03745f};
        for (int i = 0; i < expected.length; i++) {
            assertThat(vector[i]).as("component %d", i).isCloseTo(expected[i], within(1e-4f));
        }
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void tokenizerPadsNothingAndTruncatesToTheManifestLength() {
        TokenizedText shortText = fp32.get().tokenize("hello world");
        assertThat(shortText.length()).isEqualTo(4); // [CLS] hello world [SEP], no fixed padding
        TokenizedText longText = fp32.get().tokenize("word ".repeat(1000));
        assertThat(longText.length()).isEqualTo(fp32.get().manifest().maxSequenceLength()).isEqualTo(256);
    }
}
