package io.streamrec.text.flink;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/** The encoder's metrics, in the operator's metric group under "textEncoder". */
final class EncoderMetrics {

    private static final int WINDOW = 1000;

    private final Histogram latencyMicros = new DescriptiveStatisticsHistogram(WINDOW);
    private final Histogram batchSize = new DescriptiveStatisticsHistogram(WINDOW);
    private final Counter encoded;
    private final Counter failed;

    EncoderMetrics(MetricGroup operatorGroup, EmbeddingCache cache) {
        MetricGroup group = operatorGroup.addGroup("textEncoder");
        group.histogram("latencyMicros", latencyMicros);
        group.histogram("batchSize", batchSize);
        group.gauge("cacheHitRatio", (Gauge<Double>) cache::hitRatio);
        group.gauge("cacheHits", (Gauge<Long>) cache::hits);
        group.gauge("cacheMisses", (Gauge<Long>) cache::misses);
        encoded = group.counter("encoded");
        failed = group.counter("failed");
    }

    void encoded(long latencyNanos, int inBatchOf) {
        latencyMicros.update(latencyNanos / 1_000);
        batchSize.update(inBatchOf);
        encoded.inc();
    }

    void failed() {
        failed.inc();
    }
}
