package io.streamrec.metrics;

import java.util.List;

/**
 * The names of the metrics the job registers, in one place. Operators register with these constants;
 * dashboards and alerts may only use names listed here (the deploy-check module tests the Grafana
 * dashboard against {@link #ALL}), so renaming a metric here shows every place that must follow.
 *
 * <p>Flink scopes operator metrics by job, task and operator; the Prometheus reporter exports them as
 * {@code flink_taskmanager_job_task_operator_[<group>_]<name>}, with the operator name as a label.
 */
public final class MetricNames {
    private MetricNames() {}

    // Operator "decode and validate events".
    public static final String EVENTS_VALID = "eventsValid";
    public static final String EVENTS_REJECTED = "eventsRejected";

    // Operators "rank (model)" and "recommend (baseline)".
    public static final String RECOMMENDATIONS_OUT = "recommendationsOut";
    // Operators "rank (model)" and "recommend (baseline)", in the metric group QUALITY_GROUP: how many of
    // the items users take next were in their last list (recommenders.LiveQuality).
    public static final String QUALITY_GROUP = "quality";
    public static final String QUALITY_PROBES = "probes";
    public static final String QUALITY_HITS = "hits";
    public static final String QUALITY_HIT_RATE = "hitRate";
    public static final String QUALITY_MRR = "mrr";
    // Operator "rank (model)": the shadow baseline on a sample of users (recommenders.ShadowBaseline), its
    // metrics and the model's on the same users in subgroups of QUALITY_GROUP, and the guard's state.
    public static final String QUALITY_SHADOW_MODEL = "sampledModel";
    public static final String QUALITY_SHADOW_BASELINE = "sampledBaseline";
    public static final String QUALITY_SERVES_BASELINE = "servesBaseline";
    // Operator "recommend (baseline)".
    public static final String ITEMS_TRACKED = "itemsTracked";
    // Operator "rank (model)".
    public static final String RANKING_LATENCY_MICROS = "rankingLatencyMicros";
    public static final String CANDIDATES_REUSED = "candidatesReused";
    public static final String CANDIDATES_RETRIEVED = "candidatesRetrieved";
    /** Items in the subtask's index: the catalogue it can recommend from (readiness after a start). */
    public static final String ITEMS_INDEXED = "itemsIndexed";

    // The text encoder's async operator (module text-encoder), in the metric group TEXT_ENCODER_GROUP.
    public static final String TEXT_ENCODER_GROUP = "textEncoder";
    public static final String ENCODER_LATENCY_MICROS = "latencyMicros";
    public static final String ENCODER_BATCH_SIZE = "batchSize";
    public static final String ENCODER_CACHE_HIT_RATIO = "cacheHitRatio";
    public static final String ENCODER_CACHE_HITS = "cacheHits";
    public static final String ENCODER_CACHE_MISSES = "cacheMisses";
    public static final String ENCODER_ENCODED = "encoded";
    public static final String ENCODER_FAILED = "failed";

    // The ranker's model, in the metric group MODEL_GROUP of operator "rank (model)".
    public static final String MODEL_GROUP = "model";
    public static final String MODEL_VERSION = "version";
    public static final String MODEL_UPDATE_STALENESS_MS = "updateStalenessMs";
    public static final String MODEL_GRADIENT_NORM = "gradientNorm";
    public static final String MODEL_FEEDBACK_EXAMPLES = "feedbackExamples";
    public static final String MODEL_LOG_LOSS = "logLoss";
    /** CRC of the ranker's weights: equal on every subtask that applied the same updates. */
    public static final String MODEL_CHECKSUM = "checksum";
    /** 1 while the serving gate lets the learned weights serve, 0 while the prior weights serve. */
    public static final String MODEL_SERVES_LEARNED = "servesLearned";
    /** Share of takes (decayed) that were in the learned weights' top 10, and in the prior weights'. */
    public static final String MODEL_LEARNED_HIT_RATE = "learnedHitRate";
    public static final String MODEL_PRIOR_HIT_RATE = "priorHitRate";

    /** How Flink exports a metric (a histogram becomes quantiles plus a count). */
    public enum Kind {
        COUNTER,
        GAUGE,
        HISTOGRAM,
        METER
    }

    /** Whether the job registers the metric today; dashboards may only show registered ones. */
    public enum Status {
        REGISTERED,
        PLANNED
    }

    /**
     * One metric: its group below the operator ({@code null} for none), name, kind, status, and the
     * operator that registers it.
     */
    public record Metric(String group, String name, Kind kind, Status status, String operator) {
        /** The name Flink's Prometheus reporter exports for an operator metric. */
        public String prometheusName() {
            return "flink_taskmanager_job_task_operator_" + (group == null ? "" : group + "_") + name;
        }
    }

    /** The operator that decodes and validates events, named so in the job graph. */
    public static final String DECODE_OPERATOR = "decode and validate events";
    /** The operator that decodes and validates the catalogue, named so in the job graph. */
    public static final String DECODE_ITEMS_OPERATOR = "decode and validate items";
    /** The baseline recommender's operator, named so in the job graph. */
    public static final String RECOMMEND_OPERATOR = "recommend (baseline)";
    private static final String ENCODE = "encode text";
    /** The model recommender's operator, named so in the job graph. */
    public static final String RANK_OPERATOR = "rank (model)";

    /** Every metric above, once. */
    public static final List<Metric> ALL = List.of(
            new Metric(null, EVENTS_VALID, Kind.COUNTER, Status.REGISTERED, DECODE_OPERATOR),
            new Metric(null, EVENTS_REJECTED, Kind.COUNTER, Status.REGISTERED, DECODE_OPERATOR),
            new Metric(null, RECOMMENDATIONS_OUT, Kind.COUNTER, Status.REGISTERED, RECOMMEND_OPERATOR),
            new Metric(null, ITEMS_TRACKED, Kind.GAUGE, Status.REGISTERED, RECOMMEND_OPERATOR),
            new Metric(QUALITY_GROUP, QUALITY_PROBES, Kind.COUNTER, Status.REGISTERED, RECOMMEND_OPERATOR),
            new Metric(QUALITY_GROUP, QUALITY_HITS, Kind.COUNTER, Status.REGISTERED, RECOMMEND_OPERATOR),
            new Metric(QUALITY_GROUP, QUALITY_HIT_RATE, Kind.GAUGE, Status.REGISTERED, RECOMMEND_OPERATOR),
            new Metric(QUALITY_GROUP, QUALITY_MRR, Kind.GAUGE, Status.REGISTERED, RECOMMEND_OPERATOR),
            new Metric(TEXT_ENCODER_GROUP, ENCODER_LATENCY_MICROS, Kind.HISTOGRAM, Status.REGISTERED, ENCODE),
            new Metric(TEXT_ENCODER_GROUP, ENCODER_BATCH_SIZE, Kind.HISTOGRAM, Status.REGISTERED, ENCODE),
            new Metric(TEXT_ENCODER_GROUP, ENCODER_CACHE_HIT_RATIO, Kind.GAUGE, Status.REGISTERED, ENCODE),
            new Metric(TEXT_ENCODER_GROUP, ENCODER_CACHE_HITS, Kind.GAUGE, Status.REGISTERED, ENCODE),
            new Metric(TEXT_ENCODER_GROUP, ENCODER_CACHE_MISSES, Kind.GAUGE, Status.REGISTERED, ENCODE),
            new Metric(TEXT_ENCODER_GROUP, ENCODER_ENCODED, Kind.COUNTER, Status.REGISTERED, ENCODE),
            new Metric(TEXT_ENCODER_GROUP, ENCODER_FAILED, Kind.COUNTER, Status.REGISTERED, ENCODE),
            new Metric(null, RECOMMENDATIONS_OUT, Kind.COUNTER, Status.REGISTERED, RANK_OPERATOR),
            new Metric(null, RANKING_LATENCY_MICROS, Kind.HISTOGRAM, Status.REGISTERED, RANK_OPERATOR),
            new Metric(null, CANDIDATES_REUSED, Kind.GAUGE, Status.REGISTERED, RANK_OPERATOR),
            new Metric(null, CANDIDATES_RETRIEVED, Kind.GAUGE, Status.REGISTERED, RANK_OPERATOR),
            new Metric(null, ITEMS_INDEXED, Kind.GAUGE, Status.REGISTERED, RANK_OPERATOR),
            new Metric(QUALITY_GROUP, QUALITY_PROBES, Kind.COUNTER, Status.REGISTERED, RANK_OPERATOR),
            new Metric(QUALITY_GROUP, QUALITY_HITS, Kind.COUNTER, Status.REGISTERED, RANK_OPERATOR),
            new Metric(QUALITY_GROUP, QUALITY_HIT_RATE, Kind.GAUGE, Status.REGISTERED, RANK_OPERATOR),
            new Metric(QUALITY_GROUP, QUALITY_MRR, Kind.GAUGE, Status.REGISTERED, RANK_OPERATOR),
            new Metric(QUALITY_GROUP + "_" + QUALITY_SHADOW_MODEL, QUALITY_PROBES, Kind.COUNTER, Status.REGISTERED,
                    RANK_OPERATOR),
            new Metric(QUALITY_GROUP + "_" + QUALITY_SHADOW_MODEL, QUALITY_HITS, Kind.COUNTER, Status.REGISTERED,
                    RANK_OPERATOR),
            new Metric(QUALITY_GROUP + "_" + QUALITY_SHADOW_MODEL, QUALITY_HIT_RATE, Kind.GAUGE, Status.REGISTERED,
                    RANK_OPERATOR),
            new Metric(QUALITY_GROUP + "_" + QUALITY_SHADOW_MODEL, QUALITY_MRR, Kind.GAUGE, Status.REGISTERED,
                    RANK_OPERATOR),
            new Metric(QUALITY_GROUP + "_" + QUALITY_SHADOW_BASELINE, QUALITY_PROBES, Kind.COUNTER, Status.REGISTERED,
                    RANK_OPERATOR),
            new Metric(QUALITY_GROUP + "_" + QUALITY_SHADOW_BASELINE, QUALITY_HITS, Kind.COUNTER, Status.REGISTERED,
                    RANK_OPERATOR),
            new Metric(QUALITY_GROUP + "_" + QUALITY_SHADOW_BASELINE, QUALITY_HIT_RATE, Kind.GAUGE, Status.REGISTERED,
                    RANK_OPERATOR),
            new Metric(QUALITY_GROUP + "_" + QUALITY_SHADOW_BASELINE, QUALITY_MRR, Kind.GAUGE, Status.REGISTERED,
                    RANK_OPERATOR),
            new Metric(QUALITY_GROUP, QUALITY_SERVES_BASELINE, Kind.GAUGE, Status.REGISTERED, RANK_OPERATOR),
            new Metric(MODEL_GROUP, MODEL_VERSION, Kind.GAUGE, Status.REGISTERED, RANK_OPERATOR),
            new Metric(MODEL_GROUP, MODEL_UPDATE_STALENESS_MS, Kind.GAUGE, Status.REGISTERED, RANK_OPERATOR),
            new Metric(MODEL_GROUP, MODEL_GRADIENT_NORM, Kind.GAUGE, Status.REGISTERED, RANK_OPERATOR),
            new Metric(MODEL_GROUP, MODEL_FEEDBACK_EXAMPLES, Kind.COUNTER, Status.REGISTERED, RANK_OPERATOR),
            new Metric(MODEL_GROUP, MODEL_LOG_LOSS, Kind.GAUGE, Status.REGISTERED, RANK_OPERATOR),
            new Metric(MODEL_GROUP, MODEL_CHECKSUM, Kind.GAUGE, Status.REGISTERED, RANK_OPERATOR),
            new Metric(MODEL_GROUP, MODEL_SERVES_LEARNED, Kind.GAUGE, Status.REGISTERED, RANK_OPERATOR),
            new Metric(MODEL_GROUP, MODEL_LEARNED_HIT_RATE, Kind.GAUGE, Status.REGISTERED, RANK_OPERATOR),
            new Metric(MODEL_GROUP, MODEL_PRIOR_HIT_RATE, Kind.GAUGE, Status.REGISTERED, RANK_OPERATOR));
}
