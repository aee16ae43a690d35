package io.streamrec.ranking;

import io.streamrec.metrics.MetricNames;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * The model recommender's metrics: version, staleness, gradient norm, loss, ranking latency, candidate reuse,
 * items indexed.
 */
final class ModelMetrics {
    final Counter recommendations;
    final Counter examples;
    final Histogram rankingLatencyMicros;
    volatile long modelVersion;
    volatile long itemsIndexed;
    volatile long modelChecksum;
    volatile long stalenessMillis;
    volatile double gradientNorm;
    volatile double logLoss;

    ModelMetrics(MetricGroup operator, CandidateCache candidates) {
        recommendations = operator.counter(MetricNames.RECOMMENDATIONS_OUT);
        operator.gauge(MetricNames.CANDIDATES_REUSED, candidates::hits);
        operator.gauge(MetricNames.CANDIDATES_RETRIEVED, candidates::misses);
        operator.gauge(MetricNames.ITEMS_INDEXED, () -> itemsIndexed);
        rankingLatencyMicros = operator.histogram(MetricNames.RANKING_LATENCY_MICROS, new DescriptiveStatisticsHistogram(1024));
        MetricGroup model = operator.addGroup(MetricNames.MODEL_GROUP);
        examples = model.counter(MetricNames.MODEL_FEEDBACK_EXAMPLES);
        model.gauge(MetricNames.MODEL_VERSION, () -> modelVersion);
        model.gauge(MetricNames.MODEL_UPDATE_STALENESS_MS, () -> stalenessMillis);
        model.gauge(MetricNames.MODEL_GRADIENT_NORM, () -> gradientNorm);
        model.gauge(MetricNames.MODEL_LOG_LOSS, () -> logLoss);
        model.gauge(MetricNames.MODEL_CHECKSUM, () -> modelChecksum);
    }
}
