package io.streamrec.text.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamrec.text.EncoderSettings;
import io.streamrec.text.TestModels;
import io.streamrec.text.runtime.Lease;
import io.streamrec.text.runtime.SentenceEncoder;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The async function inside Flink's AsyncWaitOperator, including checkpoints with texts in flight. */
class EncodeTextAsyncFunctionTest {

    private static final String BOOM = "text extractor throws on this one";

    static EncodeTextAsyncFunction<String, EncodedDoc> function(EncoderSettings settings) {
        return new EncodeTextAsyncFunction<String, EncodedDoc>(
                settings,
                text -> {
                    if (BOOM.equals(text)) {
                        throw new IllegalArgumentException("no text field");
                    }
                    return text;
                },
                EncodedDoc::ok,
                EncodedDoc::failed);
    }

    static OneInputStreamOperatorTestHarness<String, EncodedDoc> harness(EncoderSettings settings)
            throws Exception {
        return new OneInputStreamOperatorTestHarness<>(
                new AsyncWaitOperatorFactory<>(function(settings), 30_000, 100,
                        AsyncDataStream.OutputMode.ORDERED),
                StringSerializer.INSTANCE);
    }

    @Test
    void encodesEveryKindOfTextOrReportsWhyNot() throws Exception {
        List<String> inputs = List.of(
                "A man is eating food.",
                "",
                "   \t\n",
                "The stock market fell sharply today. ".repeat(500),
                "東京の天気は晴れです",
                "Погода сегодня хорошая",
                "مرحبا بالعالم",
                "😀🎉🔥👍",
                "\u200b\u200b\u200b",
                BOOM,
                "x");
        EncoderSettings settings = TestModels.settings(TestModels.FP32).withBatching(8, Duration.ofMillis(5));
        List<EncodedDoc> out;
        try (OneInputStreamOperatorTestHarness<String, EncodedDoc> harness = harness(settings)) {
            harness.open();
            for (String text : inputs) {
                harness.processElement(text, 0L);
            }
            harness.endInput();
            out = harness.extractOutputValues();
        }

        assertThat(out).extracting(EncodedDoc::text).containsExactlyElementsOf(inputs);
        assertThat(out.get(1).failure()).isEqualTo("empty text");
        assertThat(out.get(2).failure()).isEqualTo("empty text");
        assertThat(out.get(9).failure()).startsWith("cannot read the text").contains("no text field");
        for (int i : new int[] {0, 3, 4, 5, 6, 7, 8, 10}) {
            EncodedDoc doc = out.get(i);
            assertThat(doc.failure()).as("text %d", i).isNull();
            assertThat(doc.vector()).hasSize(384);
            assertThat(norm(doc.vector())).as("norm of text %d", i).isCloseTo(1.0, within(1e-4));
        }
        try (Lease<SentenceEncoder> direct = TestModels.encoder(TestModels.FP32)) {
            float[] expected = direct.get().encodeTexts(List.of(inputs.get(0)), 1)[0];
            assertThat(TestModels.cosine(out.get(0).vector(), expected)).isGreaterThan(0.9999);
        }
    }

    @Test
    void textsInFlightAtACheckpointAreEncodedAfterRestore() throws Exception {
        // A long max-wait keeps the texts queued in the batcher while the checkpoint is taken.
        EncoderSettings settings = TestModels.settings(TestModels.INT8).withBatching(64, Duration.ofMillis(1500));
        List<String> inFlight = List.of("red running shoes", "a book about whales", "green tea");
        OperatorSubtaskState snapshot;
        try (OneInputStreamOperatorTestHarness<String, EncodedDoc> before = harness(settings)) {
            before.open();
            for (String text : inFlight) {
                before.processElement(text, 0L);
            }
            snapshot = before.snapshot(1L, 1L);
            assertThat(before.extractOutputValues()).isEmpty();
        }

        List<EncodedDoc> out;
        try (OneInputStreamOperatorTestHarness<String, EncodedDoc> after = harness(settings)) {
            after.setup();
            after.initializeState(snapshot);
            after.open();
            after.processElement("after the restore", 0L);
            after.endInput();
            out = after.extractOutputValues();
        }

        assertThat(out).extracting(EncodedDoc::text)
                .containsExactly("red running shoes", "a book about whales", "green tea", "after the restore");
        assertThat(out).allSatisfy(doc -> assertThat(doc.vector()).hasSize(384));
    }

    @Test
    void cacheEncodesAnItemOncePerTextVersion() throws Exception {
        EncoderSettings settings = TestModels.settings(TestModels.INT8);
        EncodeTextAsyncFunction<String, EncodedDoc> fn = new EncodeTextAsyncFunction<String, EncodedDoc>(
                settings, s -> s.substring(2), EncodedDoc::ok, EncodedDoc::failed)
                .withCacheKey(s -> s.substring(0, 1));
        try (OneInputStreamOperatorTestHarness<String, EncodedDoc> harness = new OneInputStreamOperatorTestHarness<>(
                new AsyncWaitOperatorFactory<>(fn, 30_000, 1, AsyncDataStream.OutputMode.ORDERED),
                StringSerializer.INSTANCE)) {
            harness.open();
            for (String event : List.of("1:red shoes", "1:red shoes", "2:tea", "1:red shoes", "1:blue shoes")) {
                harness.processElement(event, 0L);
            }
            harness.endInput();
            assertThat(harness.extractOutputValues()).hasSize(5).allSatisfy(d -> assertThat(d.vector()).isNotNull());
            EncodeTextAsyncFunction<?, ?> opened = (EncodeTextAsyncFunction<?, ?>)
                    ((org.apache.flink.streaming.api.operators.AbstractUdfStreamOperator<?, ?>) harness.getOperator())
                            .getUserFunction();
            assertThat(opened.cache().hits()).isEqualTo(2);
            assertThat(opened.cache().misses()).isEqualTo(3);
        }
    }

    private static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
