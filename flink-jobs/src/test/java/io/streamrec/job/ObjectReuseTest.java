package io.streamrec.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.DeadLetter;
import io.streamrec.avro.ForgetAcknowledgement;
import io.streamrec.avro.ForgetRequest;
import io.streamrec.avro.Item;
import io.streamrec.avro.ModelUpdate;
import io.streamrec.avro.Recommendation;
import io.streamrec.avro.UserEvent;
import io.streamrec.config.JobConfig;
import io.streamrec.events.RawRecord;
import io.streamrec.schemas.AvroCodec;
import io.streamrec.tools.data.SyntheticWorkload;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The job's default {@code pipeline.object-reuse: true} hands records between chained operators without
 * copies; that is only safe while no operator keeps or changes a record it was handed. The baseline job
 * over the same events, with the catalogue, must emit exactly the same recommendations with and
 * without reuse.
 */
class ObjectReuseTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension();

    private static final int EVENTS = 3_000;
    private static final Map<String, ConcurrentLinkedQueue<String>> OUTPUT = new ConcurrentHashMap<>();

    @Test
    void recommendationsAreTheSameWithAndWithoutObjectReuse() throws Exception {
        List<String> copied = run(false);
        List<String> reused = run(true);
        assertThat(copied).hasSize(EVENTS);
        assertThat(copied.stream().filter(r -> r.contains(" co;")).count())
                .as("recommendations with co-occurrence candidates").isGreaterThan(EVENTS / 2);
        assertThat(reused).containsExactlyElementsOf(copied);
    }

    private static List<String> run(boolean reuse) throws Exception {
        String runId = "reuse-" + reuse;
        OUTPUT.put(runId, new ConcurrentLinkedQueue<>());
        Configuration config = JobConfig.fromMap(Map.of(
                "recommend.recommender", "BASELINE",
                "recommend.min-interval", "0 ms",
                "execution.checkpointing.interval", "1 h",
                "state.backend.type", "hashmap"));
        config.set(PipelineOptions.OBJECT_REUSE, reuse);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        // One subtask per operator and one split per source: each run then processes the events in one order.
        env.setParallelism(1);
        SyntheticWorkload workload = new SyntheticWorkload(7L, 300, 60, SyntheticWorkload.DEFAULT_START);
        // The catalogue races the events (two sources), so titles in reasons may differ between runs; the
        // ranking itself (ids and scores) does not depend on it and is compared exactly.
        List<RawRecord> items = new ArrayList<>();
        AvroCodec<Item> itemCodec = AvroCodec.of(Item.class);
        for (Item item : workload.items()) {
            items.add(new RawRecord("items", 0, items.size(), item.getItemId().getBytes(StandardCharsets.UTF_8),
                    itemCodec.encode(item)));
        }
        List<RawRecord> events = new ArrayList<>();
        AvroCodec<UserEvent> eventCodec = AvroCodec.of(UserEvent.class);
        for (UserEvent e : workload.events(EVENTS)) {
            events.add(new RawRecord("events", 0, events.size(), e.getUserId().getBytes(StandardCharsets.UTF_8),
                    eventCodec.encode(e)));
        }
        // A request to forget a user nobody knows: the path is in the job, and changes no recommendation.
        List<RawRecord> forget = List.of(new RawRecord("forget-requests", 0, 0, "nobody".getBytes(StandardCharsets.UTF_8),
                AvroCodec.of(ForgetRequest.class).encode(ForgetRequest.newBuilder().setRequestId("r1")
                        .setUserId("nobody").setRequestedAt(Instant.EPOCH).build())));
        JobSources sources = new JobSources(fixed(events), fixed(items), fixed(List.of()), fixed(forget));
        JobSinks sinks = new JobSinks(new CollectingSink<Recommendation>(runId), new CollectingSink<DeadLetter>(runId + "-dlq"),
                new CollectingSink<ModelUpdate>(runId + "-updates"),
                new CollectingSink<ForgetAcknowledgement>(runId + "-forgotten"));
        new RecommendationJob(config, sources, sinks).build(env);
        env.execute("object reuse " + reuse);
        return new ArrayList<>(OUTPUT.get(runId));
    }

    private static String ranking(Recommendation r) {
        StringBuilder text = new StringBuilder();
        r.getItems().forEach(i -> text.append(i.getItemId()).append('=').append(i.getScore())
                .append(i.getReason().startsWith("often chosen with ") ? " co" : " pop").append(';'));
        return text.toString();
    }

    /** A bounded source of the given records, in order, from one split. */
    private static DataGeneratorSource<RawRecord> fixed(List<RawRecord> records) {
        String[] topics = records.stream().map(r -> r.topic).toArray(String[]::new);
        byte[][] keys = records.stream().map(r -> r.key).toArray(byte[][]::new);
        byte[][] values = records.stream().map(r -> r.value).toArray(byte[][]::new);
        GeneratorFunction<Long, RawRecord> at = i -> new RawRecord(topics[i.intValue()], 0, i, keys[i.intValue()],
                values[i.intValue()]);
        return new DataGeneratorSource<>(at, records.size(), TypeInformation.of(RawRecord.class));
    }

    /** Keeps what it is given as text, by run, in a static queue (the sink runs in the test's JVM). */
    static final class CollectingSink<T> implements Sink<T> {
        private static final long serialVersionUID = 1L;
        private final String runId;

        CollectingSink(String runId) {
            this.runId = runId;
            OUTPUT.putIfAbsent(runId, new ConcurrentLinkedQueue<>());
        }

        @Override
        public SinkWriter<T> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(T element, Context c) {
                    String text = element instanceof Recommendation r
                            ? r.getUserId() + "|" + r.getTriggerEventId() + "|" + ranking(r)
                            : String.valueOf(element);
                    OUTPUT.get(runId).add(text);
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }
    }
}
