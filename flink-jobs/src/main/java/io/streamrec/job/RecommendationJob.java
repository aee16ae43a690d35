package io.streamrec.job;

import io.streamrec.avro.Recommendation;
import io.streamrec.config.JobConfig;
import io.streamrec.config.JobOptions;
import io.streamrec.config.RecommendOptions;
import io.streamrec.events.DeadLetters;
import io.streamrec.events.DecodeEvents;
import io.streamrec.events.DecodeForgetRequests;
import io.streamrec.events.DecodeItems;
import io.streamrec.events.EventValidator;
import io.streamrec.events.ItemUpdate;
import io.streamrec.events.SourcedEvent;
import io.streamrec.metrics.MetricNames;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recommendation job: events and the catalogue in, recommendations and dead letters out.
 *
 * <p>Sources and sinks are constructor arguments, so tests swap them; {@link #main} wires Kafka. Every
 * stateful operator has a stable uid, so savepoints survive changes to the job.
 */
public final class RecommendationJob {
    private static final Logger LOG = LoggerFactory.getLogger(RecommendationJob.class);

    /** Operator uids; changing one orphans its state in existing savepoints. */
    public static final class Uids {
        public static final String EVENTS_SOURCE = "source-events";
        public static final String ITEMS_SOURCE = "source-items";
        public static final String MODEL_UPDATES_SOURCE = "source-model-updates";
        public static final String DECODE_EVENTS = "decode-events";
        public static final String DECODE_ITEMS = "decode-items";
        public static final String DECODE_MODEL_UPDATES = "decode-model-updates";
        public static final String ITEM_VERSIONS = "item-versions";
        public static final String ITEM_REMOVALS = "item-removals";
        public static final String REMOVALS_AS_INPUT = "removals-as-input";
        public static final String UPDATES_AS_INPUT = "updates-as-input";
        public static final String ENCODE_ITEMS = "encode-item-text";
        public static final String ITEM_VECTORS = "item-vectors";
        public static final String TEXT_EVENTS = "text-events";
        public static final String INTERACTIONS = "interactions";
        public static final String ENCODE_EVENTS = "encode-event-text";
        public static final String EVENT_VECTORS = "event-vectors";
        public static final String RECOMMENDER = "recommender-baseline";
        public static final String RANKER = "recommender-model";
        public static final String RECOMMENDATIONS_SINK = "sink-recommendations";
        public static final String DEAD_LETTERS_SINK = "sink-dead-letters";
        public static final String MODEL_UPDATES_SINK = "sink-model-updates";
        public static final String FORGET_REQUESTS_SOURCE = "source-forget-requests";
        public static final String DECODE_FORGET_REQUESTS = "decode-forget-requests";
        public static final String FORGET_ACKNOWLEDGEMENTS_SINK = "sink-forget-acknowledgements";

        /**
         * The Kafka sources: their state is the topics' split offsets, which mean nothing on another broker's topics
         * (a savepoint made on one broker for a job on another drops it: scripts/bootstrap.sh).
         */
        public static final List<String> KAFKA_SOURCES = List.of(EVENTS_SOURCE, ITEMS_SOURCE, MODEL_UPDATES_SOURCE,
                FORGET_REQUESTS_SOURCE);
        /** The Kafka sinks: their state is the transactions of one broker. */
        public static final List<String> KAFKA_SINKS = List.of(RECOMMENDATIONS_SINK, DEAD_LETTERS_SINK,
                MODEL_UPDATES_SINK, FORGET_ACKNOWLEDGEMENTS_SINK);

        private Uids() {}
    }

    private final Configuration config;
    private final JobSources sources;
    private final JobSinks sinks;

    public RecommendationJob(Configuration config, JobSources sources, JobSinks sinks) {
        this.config = Objects.requireNonNull(config, "config");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.sinks = Objects.requireNonNull(sinks, "sinks");
    }

    /** The job on Kafka, as configured. */
    public static RecommendationJob onKafka(Configuration config) {
        return new RecommendationJob(config, JobSources.kafka(config), JobSinks.kafka(config));
    }

    public static void main(String[] args) throws Exception {
        Configuration config;
        try {
            config = JobConfig.fromArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println("Invalid options: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            config = Preflight.check(config);
        } catch (Preflight.Failure e) {
            System.err.println("Cannot start the job: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (config.get(JobOptions.LOG_CONFIGURATION)) {
            LOG.info("Starting {} with options {}", config.get(JobOptions.JOB_NAME), JobConfig.masked(config));
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        onKafka(config).build(env);
        env.execute(config.get(JobOptions.JOB_NAME));
    }

    /** Adds the job's operators to {@code env}. */
    public void build(StreamExecutionEnvironment env) {
        env.configure(JobOptions.missingFlinkDefaults(env.getConfiguration()));
        EventValidator validator = new EventValidator(config);
        ModelPipeline.DeadLetterCollector deadLetters = new ModelPipeline.DeadLetterCollector();

        SingleOutputStreamOperator<SourcedEvent> validEvents = env
                .fromSource(sources.events(), WatermarkStrategy.noWatermarks(), "events")
                .uid(Uids.EVENTS_SOURCE)
                .process(new DecodeEvents(validator))
                .name(MetricNames.DECODE_OPERATOR)
                .uid(Uids.DECODE_EVENTS);
        deadLetters.add(validEvents.getSideOutput(DeadLetters.TAG));

        SingleOutputStreamOperator<ItemUpdate> catalogue = env
                .fromSource(sources.items(), WatermarkStrategy.noWatermarks(), "items")
                .uid(Uids.ITEMS_SOURCE)
                .process(new DecodeItems(validator))
                .name(MetricNames.DECODE_ITEMS_OPERATOR)
                .uid(Uids.DECODE_ITEMS);
        deadLetters.add(catalogue.getSideOutput(DeadLetters.TAG));

        // Requests to forget a user join the user's events just before the recommender's keyed state.
        SingleOutputStreamOperator<SourcedEvent> forgetRequests = env
                .fromSource(sources.forgetRequests(), WatermarkStrategy.noWatermarks(), "forget-requests")
                .uid(Uids.FORGET_REQUESTS_SOURCE)
                .process(new DecodeForgetRequests())
                .name("decode forget requests")
                .uid(Uids.DECODE_FORGET_REQUESTS);
        deadLetters.add(forgetRequests.getSideOutput(DeadLetters.TAG));

        SingleOutputStreamOperator<Recommendation> recs;
        if (config.get(RecommendOptions.RECOMMENDER) == RecommendOptions.RecommenderKind.MODEL) {
            recs = new ModelPipeline(config).build(env, sources, sinks, validEvents, forgetRequests, catalogue,
                    deadLetters);
        } else {
            BroadcastStream<ItemUpdate> catalogueBroadcast = catalogue.broadcast(
                    RecommenderFunction.descriptors(RecommenderFunction.BASELINE_MAPS));
            recs = validEvents.union(forgetRequests)
                    .keyBy(SourcedEvent::userId)
                    .connect(catalogueBroadcast)
                    .process(RecommenderFunction.baseline(Settings.recommender(config)))
                    .name(MetricNames.RECOMMEND_OPERATOR)
                    .uid(Uids.RECOMMENDER);
            deadLetters.add(recs.getSideOutput(DeadLetters.TAG));
        }
        recs.sinkTo(sinks.recommendations()).name("recommendations").uid(Uids.RECOMMENDATIONS_SINK);
        recs.getSideOutput(RecommenderFunction.FORGOTTEN).sinkTo(sinks.forgetAcknowledgements())
                .name("forget acknowledgements").uid(Uids.FORGET_ACKNOWLEDGEMENTS_SINK);
        deadLetters.all().sinkTo(sinks.deadLetters()).name("dead letters").uid(Uids.DEAD_LETTERS_SINK);
    }
}
