package io.streamrec.reliability.support;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * "Version 2" of the job adds this branch: a stateful count of dead letters. New operators with new uids
 * must not disturb restoring the old ones from a savepoint. Named classes, not lambdas, so only this
 * class travels in the test jar.
 */
public final class DeadLetterTally extends KeyedProcessFunction<String, byte[], Long> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Long> count;

    /** Adds the branch to {@code env}, reading the dead-letter topic of {@code bootstrap}. */
    public static void addTo(StreamExecutionEnvironment env, String bootstrap) {
        KafkaSource<byte[]> source = KafkaSource.<byte[]>builder()
                .setBootstrapServers(bootstrap)
                .setTopics("dead-letters")
                .setGroupId("dead-letter-tally")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(KafkaRecordDeserializationSchema.valueOnly(ByteArrayDeserializer.class))
                .build();
        DataStream<byte[]> dead = env.fromSource(source, WatermarkStrategy.noWatermarks(), "dead letters (v2)")
                .uid("v2-dead-letters-source");
        dead.keyBy(new AllKey()).process(new DeadLetterTally()).name("dead-letter tally (v2)").uid("v2-dead-letter-tally")
                .sinkTo(new DiscardingSink<>()).uid("v2-dead-letter-tally-sink");
    }

    @Override
    public void open(org.apache.flink.api.common.functions.OpenContext context) {
        count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
    }

    @Override
    public void processElement(byte[] value, Context ctx, Collector<Long> out) throws Exception {
        long next = (count.value() == null ? 0 : count.value()) + 1;
        count.update(next);
        out.collect(next);
    }

    /** One key: the tally is global. */
    public static final class AllKey implements KeySelector<byte[], String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(byte[] value) {
            return "all";
        }
    }
}
