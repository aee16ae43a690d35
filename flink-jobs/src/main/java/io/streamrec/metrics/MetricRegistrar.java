package io.streamrec.metrics;

import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Where recommender logic declares its metrics without depending on a metrics library: Flink's metric
 * groups in the job, nothing offline. Counters and histograms are returned as {@link LongConsumer}s (add
 * n, record a value).
 */
public interface MetricRegistrar {
    MetricRegistrar group(String name);

    LongConsumer counter(String name);

    void gauge(String name, Supplier<? extends Number> value);

    LongConsumer histogram(String name);

    /** Declares nothing: metrics are not read. */
    MetricRegistrar NONE = new MetricRegistrar() {
        @Override
        public MetricRegistrar group(String name) {
            return this;
        }

        @Override
        public LongConsumer counter(String name) {
            return n -> {};
        }

        @Override
        public void gauge(String name, Supplier<? extends Number> value) {}

        @Override
        public LongConsumer histogram(String name) {
            return v -> {};
        }
    };
}
