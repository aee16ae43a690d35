package io.streamrec.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.text.runtime.Lease;
import io.streamrec.text.runtime.SentenceEncoder;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Batching (padding to the longest text) does not change fp32 vectors; int8 stays close to fp32. */
class BatchingConsistencyTest {

    /**
     * Measured on all-MiniLM-L6-v2 int8 vs fp32 over {@link Sentences#VARIED}: mean cosine 0.991 at batch
     * sizes 1, 8 and 32, lowest single text 0.970 (batch 1) to 0.983 (batch 8). Dynamic quantisation picks
     * activation scales per batch, so the int8 vector of a text moves with its batch neighbours; the bounds
     * keep about 1 and 2 points of margin for other batch compositions while still catching a wrong model,
     * tokenizer or pooling (those fall below 0.9).
     */
    static final double INT8_MEAN_COSINE_BOUND = 0.98;
    static final double INT8_MIN_COSINE_BOUND = 0.95;

    private static Lease<SentenceEncoder> fp32;
    private static Lease<SentenceEncoder> int8;

    @BeforeAll
    static void open() {
        fp32 = TestModels.encoder(TestModels.FP32);
        int8 = TestModels.encoder(TestModels.INT8);
    }

    @AfterAll
    static void close() {
        fp32.close();
        int8.close();
    }

    @Test
    void fp32BatchedAgreesWithUnbatched() throws Exception {
        List<String> texts = Sentences.VARIED;
        float[][] one = fp32.get().encodeTexts(texts, 1);
        float[][] batched = fp32.get().encodeTexts(texts, 32);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(TestModels.cosine(one[i], batched[i])).as(texts.get(i)).isGreaterThan(0.9999);
        }
    }

    @Test
    void int8AgreesWithFp32() throws Exception {
        List<String> texts = Sentences.VARIED;
        float[][] reference = fp32.get().encodeTexts(texts, 1);
        for (int batchSize : new int[] {1, 8, 32}) {
            float[][] quantised = int8.get().encodeTexts(texts, batchSize);
            double sum = 0, min = 1;
            for (int i = 0; i < texts.size(); i++) {
                double cos = TestModels.cosine(reference[i], quantised[i]);
                sum += cos;
                min = Math.min(min, cos);
            }
            double mean = sum / texts.size();
            System.out.printf("int8 vs fp32, batch %d: mean cosine %.4f, min %.4f%n", batchSize, mean, min);
            assertThat(mean).as("mean cosine, batch %d", batchSize).isGreaterThan(INT8_MEAN_COSINE_BOUND);
            assertThat(min).as("min cosine, batch %d", batchSize).isGreaterThan(INT8_MIN_COSINE_BOUND);
        }
    }
}
