package io.streamrec.text.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.text.EncoderSettings;
import io.streamrec.text.TestModels;
import io.streamrec.text.runtime.Lease;
import io.streamrec.text.runtime.SentenceEncoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A job through the async encoder fails once and restarts; every element is encoded exactly once. */
class EncodeTextFailoverITCase {

    private static final int ELEMENTS = 300;
    private static final AtomicBoolean FAILED_ONCE = new AtomicBoolean();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    @Test
    void everyElementEncodedExactlyOnceAcrossAFailure() throws Exception {
        List<Tuple2<String, String>> docs = new ArrayList<>();
        for (int i = 0; i < ELEMENTS; i++) {
            docs.add(Tuple2.of("doc-" + i, Sentences2.text(i)));
        }
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(50);

        EncoderSettings settings = TestModels.settings(TestModels.FP32).withBatching(16, Duration.ofMillis(5));
        EncodeTextAsyncFunction<Tuple2<String, String>, Tuple3<String, float[], String>> encode =
                new EncodeTextAsyncFunction<Tuple2<String, String>, Tuple3<String, float[], String>>(
                        settings,
                        doc -> doc.f1,
                        (doc, vector) -> Tuple3.of(doc.f0, vector, ""),
                        (doc, reason) -> Tuple3.of(doc.f0, new float[0], reason))
                        .withCacheKey(doc -> doc.f0);
        TypeInformation<Tuple3<String, float[], String>> outType = Types.TUPLE(
                Types.STRING, PrimitiveArrayTypeInfo.FLOAT_PRIMITIVE_ARRAY_TYPE_INFO, Types.STRING);

        DataStream<Tuple2<String, String>> source = env.fromData(docs).map(new Throttle()).returns(
                Types.TUPLE(Types.STRING, Types.STRING));
        DataStream<Tuple3<String, float[], String>> encoded = TextEncoding.ordered(source, encode, outType)
                .map(new FailOnce()).returns(outType);

        Map<String, float[]> results = new HashMap<>();
        int count = 0;
        try (CloseableIterator<Tuple3<String, float[], String>> it = encoded.executeAndCollect()) {
            while (it.hasNext()) {
                Tuple3<String, float[], String> r = it.next();
                assertThat(r.f2).as(r.f0).isEmpty();
                results.put(r.f0, r.f1);
                count++;
            }
        }

        assertThat(FAILED_ONCE).isTrue();
        assertThat(count).as("results, duplicates included").isEqualTo(ELEMENTS);
        assertThat(results).hasSize(ELEMENTS);
        try (Lease<SentenceEncoder> direct = TestModels.encoder(TestModels.FP32)) {
            float[][] expected = direct.get().encodeTexts(docs.stream().map(d -> d.f1).toList(), 1);
            for (int i = 0; i < ELEMENTS; i++) {
                assertThat(TestModels.cosine(results.get("doc-" + i), expected[i])).as("doc-%d", i)
                        .isGreaterThan(0.9999);
            }
        }
    }

    /** Slows the source so that checkpoints complete while texts are in flight. */
    static final class Throttle implements MapFunction<Tuple2<String, String>, Tuple2<String, String>> {
        @Override
        public Tuple2<String, String> map(Tuple2<String, String> doc) throws Exception {
            Thread.sleep(3);
            return doc;
        }
    }

    /** Throws once, after about two thirds of the elements, to force a restart from the last checkpoint. */
    static final class FailOnce implements MapFunction<Tuple3<String, float[], String>, Tuple3<String, float[], String>> {
        @Override
        public Tuple3<String, float[], String> map(Tuple3<String, float[], String> r) {
            if (r.f0.equals("doc-" + (ELEMENTS * 2 / 3)) && FAILED_ONCE.compareAndSet(false, true)) {
                throw new IllegalStateException("forced failure for the failover test");
            }
            return r;
        }
    }

    /** Distinct product-like texts of varied length. */
    static final class Sentences2 {
        private static final String[] ADJ = {"red", "light", "waterproof", "organic", "wireless", "vintage"};
        private static final String[] NOUN = {"running shoes", "jacket", "green tea", "headphones", "lamp", "novel"};

        static String text(int i) {
            String base = ADJ[i % ADJ.length] + " " + NOUN[(i / ADJ.length) % NOUN.length] + " model " + i;
            return i % 5 == 0 ? base + ", reviewed by customers as comfortable, durable and good value for money"
                    : base;
        }
    }
}
