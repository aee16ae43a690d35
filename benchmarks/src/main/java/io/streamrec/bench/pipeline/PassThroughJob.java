package io.streamrec.bench.pipeline;

import io.streamrec.avro.Recommendation;
import io.streamrec.config.JobOptions;
import io.streamrec.events.KafkaSources;
import io.streamrec.events.RawRecord;
import io.streamrec.sinks.KafkaSinks;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The ceiling: the product job's Kafka source (same topics, same settings), keyBy user, one trivial
 * keyed value per user on RocksDB (a counter), and the product job's recommendations sink (same
 * delivery guarantee, same Avro serializer) writing one empty recommendation per event. Same
 * checkpointing and state backend as the product job ({@link JobOptions#missingFlinkDefaults}).
 */
public final class PassThroughJob {
    public static final String RECOMMENDER_NAME = "passthrough";

    private PassThroughJob() {}

    public static void build(StreamExecutionEnvironment env, Configuration config) {
        env.configure(JobOptions.missingFlinkDefaults(env.getConfiguration()));
        env.fromSource(KafkaSources.events(config), WatermarkStrategy.noWatermarks(), "events")
                .uid("source-events")
                .keyBy(new UserKey())
                .process(new CountPerUser())
                .name("count per user")
                .uid("count-per-user")
                .sinkTo(KafkaSinks.recommendations(config))
                .name("recommendations")
                .uid("sink-recommendations");
    }

    /** The record key is the user id (the producers key events by user). */
    static final class UserKey implements KeySelector<RawRecord, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(RawRecord record) {
            return record.key == null ? "" : new String(record.key, StandardCharsets.UTF_8);
        }
    }

    /** Reads and writes one small value per user per event, and emits an empty recommendation. */
    static final class CountPerUser extends KeyedProcessFunction<String, RawRecord, Recommendation> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("events", Types.LONG));
        }

        @Override
        public void processElement(RawRecord in, Context ctx, Collector<Recommendation> out) throws Exception {
            Long n = count.value();
            count.update(n == null ? 1L : n + 1);
            long eventTime = ctx.timestamp() == null ? 0L : ctx.timestamp();
            out.collect(Recommendation.newBuilder()
                    .setRecommendationId("pt-" + in.topic + "-" + in.partition + "-" + in.offset)
                    .setUserId(ctx.getCurrentKey())
                    .setTriggerEventId(in.topic + "-" + in.partition + "@" + in.offset)
                    .setGeneratedAt(Instant.ofEpochMilli(ctx.timerService().currentProcessingTime()))
                    .setEventTime(Instant.ofEpochMilli(eventTime))
                    .setRecommender(RECOMMENDER_NAME)
                    .setModelVersion(0L)
                    .setItems(List.of())
                    .build());
        }
    }
}
