package io.streamrec.job;

import io.streamrec.avro.DeadLetter;
import io.streamrec.avro.Recommendation;
import io.streamrec.config.JobConfig;
import io.streamrec.config.JobOptions;
import io.streamrec.events.DeadLetters;
import io.streamrec.events.DecodeEvents;
import io.streamrec.events.DecodeItems;
import io.streamrec.events.EventValidator;
import io.streamrec.events.ItemUpdate;
import io.streamrec.events.KafkaSources;
import io.streamrec.events.RawRecord;
import io.streamrec.events.SourcedEvent;
import io.streamrec.recommend.BaselineRecommenderFunction;
import io.streamrec.recommend.RecommenderSettings;
import io.streamrec.sinks.KafkaSinks;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
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
        public static final String DECODE_EVENTS = "decode-events";
        public static final String DECODE_ITEMS = "decode-items";
        public static final String RECOMMENDER = "recommender-baseline";
        public static final String RECOMMENDATIONS_SINK = "sink-recommendations";
        public static final String DEAD_LETTERS_SINK = "sink-dead-letters";

        private Uids() {}
    }

    private final Configuration config;
    private final Source<RawRecord, ?, ?> events;
    private final Source<RawRecord, ?, ?> items;
    private final Sink<Recommendation> recommendations;
    private final Sink<DeadLetter> deadLetters;

    public RecommendationJob(Configuration config, Source<RawRecord, ?, ?> events, Source<RawRecord, ?, ?> items,
            Sink<Recommendation> recommendations, Sink<DeadLetter> deadLetters) {
        this.config = Objects.requireNonNull(config, "config");
        this.events = Objects.requireNonNull(events, "events source");
        this.items = Objects.requireNonNull(items, "items source");
        this.recommendations = Objects.requireNonNull(recommendations, "recommendations sink");
        this.deadLetters = Objects.requireNonNull(deadLetters, "dead-letters sink");
    }

    /** The job on Kafka, as configured. */
    public static RecommendationJob onKafka(Configuration config) {
        return new RecommendationJob(config, KafkaSources.events(config), KafkaSources.items(config),
                KafkaSinks.recommendations(config), KafkaSinks.deadLetters(config));
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
        if (config.get(JobOptions.LOG_CONFIGURATION)) {
            LOG.info("Starting {} with options {}", config.get(JobOptions.JOB_NAME), JobConfig.masked(config));
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        onKafka(config).build(env);
        env.execute(config.get(JobOptions.JOB_NAME));
    }

    /** Adds the job's operators to {@code env}. */
    public void build(StreamExecutionEnvironment env) {
        EventValidator validator = new EventValidator(config);

        SingleOutputStreamOperator<SourcedEvent> validEvents = env
                .fromSource(events, WatermarkStrategy.noWatermarks(), "events")
                .uid(Uids.EVENTS_SOURCE)
                .process(new DecodeEvents(validator))
                .name("decode and validate events")
                .uid(Uids.DECODE_EVENTS);

        SingleOutputStreamOperator<ItemUpdate> catalogue = env
                .fromSource(items, WatermarkStrategy.noWatermarks(), "items")
                .uid(Uids.ITEMS_SOURCE)
                .process(new DecodeItems(validator))
                .name("decode and validate items")
                .uid(Uids.DECODE_ITEMS);

        BroadcastStream<ItemUpdate> catalogueBroadcast = catalogue.broadcast(BaselineRecommenderFunction.CATALOGUE);

        SingleOutputStreamOperator<Recommendation> recs = validEvents
                .keyBy(SourcedEvent::userId)
                .connect(catalogueBroadcast)
                .process(new BaselineRecommenderFunction(new RecommenderSettings(config)))
                .name("recommend (baseline)")
                .uid(Uids.RECOMMENDER);

        recs.sinkTo(recommendations).name("recommendations").uid(Uids.RECOMMENDATIONS_SINK);

        DataStream<DeadLetter> rejected = validEvents.getSideOutput(DeadLetters.TAG)
                .union(catalogue.getSideOutput(DeadLetters.TAG), recs.getSideOutput(DeadLetters.TAG));
        rejected.sinkTo(deadLetters).name("dead letters").uid(Uids.DEAD_LETTERS_SINK);
    }
}
