package io.streamrec.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.text.runtime.Lease;
import io.streamrec.text.runtime.SentenceEncoder;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Related texts are clearly closer than unrelated ones, with both models. */
class SemanticSimilarityTest {

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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "A man is eating food.|A man is eating a piece of bread.|The stock market fell sharply today.",
        "A man is riding a horse.|A man is riding a white horse on an enclosed ground.|A woman is playing violin.",
        "A monkey is playing drums.|Someone in a gorilla costume is playing a set of drums.|Organic green tea, 100 bags",
        "wireless headphones|Bluetooth over-ear headset with noise cancelling|Stainless steel chef knife, 8 inch",
        "The battery died after two weeks.|The battery stopped holding a charge quickly.|Great fabric, soft and warm.",
        "running shoes for women|women's lightweight trainers for jogging|kids bicycle with training wheels",
        "How do I return a damaged item?|refund for a broken product that arrived|paperback novel about a whaling voyage"
    })
    void relatedPairIsClearlyCloserThanUnrelated(String anchor, String related, String unrelated) throws Exception {
        for (Lease<SentenceEncoder> encoder : List.of(fp32, int8)) {
            float[][] v = encoder.get().encodeTexts(List.of(anchor, related, unrelated), 8);
            double close = TestModels.cosine(v[0], v[1]);
            double far = TestModels.cosine(v[0], v[2]);
            assertThat(close - far)
                    .as("%s: cos(related)=%.3f, cos(unrelated)=%.3f", encoder.get().manifest().name(), close, far)
                    .isGreaterThan(0.2);
        }
    }
}
