package io.streamrec.reliability.support;

import io.streamrec.local.cluster.ClusterSettings;
import io.streamrec.local.cluster.FlinkRest;
import io.streamrec.metrics.MetricNames;
import java.time.Duration;

/**
 * Waits on the gauges of the model recommender's operator ({@link MetricNames#RANK_OPERATOR}), read from
 * the JobManager's REST API: a test waits until every ranker subtask has indexed the catalogue or applied
 * the model's updates, instead of sleeping and hoping.
 */
public final class RankerGauges {
    /** Items in a subtask's index: 0 until the encoder's vectors arrive. */
    public static final String ITEMS_INDEXED = MetricNames.ITEMS_INDEXED;
    /** Model updates a subtask has applied. */
    public static final String MODEL_VERSION = MetricNames.MODEL_GROUP + "." + MetricNames.MODEL_VERSION;
    /** A CRC of a subtask's parameters: equal on replicas that applied the same updates. */
    public static final String MODEL_CHECKSUM = MetricNames.MODEL_GROUP + "." + MetricNames.MODEL_CHECKSUM;

    private RankerGauges() {}

    /**
     * {@code settings} with the JobManager refreshing the metrics it serves every second (10 s by default),
     * so that a wait on a gauge ends soon after the condition holds.
     */
    public static ClusterSettings freshMetrics(ClusterSettings settings) {
        return settings.with("metrics.fetcher.update-interval", "1 s");
    }

    /** Waits until the gauge {@code metric} is at least {@code atLeast} on every ranker subtask; returns the minimum. */
    public static long awaitAtLeast(FlinkRest rest, String jobId, String metric, long atLeast, Duration timeout,
            String what) throws Exception {
        try {
            return Await.until(() -> rest.operatorGaugeMin(jobId, MetricNames.RANK_OPERATOR, metric), v -> v >= atLeast,
                    timeout, what + " (" + metric + " >= " + atLeast + " on every ranker subtask; -1: not reported yet)");
        } catch (AssertionError e) {
            // In case the metric's id is what is wrong: the ids the ranker's subtasks do report.
            throw new AssertionError(e.getMessage() + "; the ranker's vertex reports "
                    + rest.operatorMetricIds(jobId, MetricNames.RANK_OPERATOR).stream()
                            .filter(id -> id.startsWith(FlinkRest.operatorMetricId(MetricNames.RANK_OPERATOR, "")))
                            .sorted().toList(), e);
        }
    }
}
