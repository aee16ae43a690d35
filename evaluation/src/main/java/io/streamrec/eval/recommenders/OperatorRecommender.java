package io.streamrec.eval.recommenders;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Item;
import io.streamrec.avro.Recommendation;
import io.streamrec.avro.RecommendedItem;
import io.streamrec.avro.UserEvent;
import io.streamrec.config.JobConfig;
import io.streamrec.events.ItemUpdate;
import io.streamrec.events.SourcedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;

/**
 * One of the job's recommender functions, driven directly through Flink's operator test harness: the
 * same code and the same keyed and broadcast state logic as in the job, without Kafka or a cluster.
 * Probes are {@link SourcedEvent#probe} requests, which the functions answer without changing state.
 *
 * @param <B> the function's broadcast input (catalogue updates, for the model also its updates)
 */
public final class OperatorRecommender<B> implements Recommender {
    /** The job's recommender functions all have this shape. */
    public interface FunctionFactory<B> {
        KeyedBroadcastProcessFunction<String, SourcedEvent, B, Recommendation> create(Configuration config);
    }

    /** What the job does around a function that the replay must do as well. */
    public interface Upstream<B> {
        /** The broadcast inputs for items entering the catalogue (one batch, so text can be encoded in batches). */
        List<B> items(List<Item> items);

        /** The event as the function receives it, e.g. with its text vector. */
        default SourcedEvent event(SourcedEvent event) {
            return event;
        }

        /** Broadcast inputs the job feeds back from the function's side outputs (a model's log), in order. */
        default List<B> feedback(KeyedBroadcastOperatorTestHarness<String, SourcedEvent, B, Recommendation> harness) {
            return List.of();
        }
    }

    /** The baseline's upstream: catalogue changes as they are. */
    public static final Upstream<ItemUpdate> CATALOGUE_UPDATES =
            items -> items.stream().map(item -> new ItemUpdate(item.getItemId(), item)).toList();

    private final String name;
    private final KeyedBroadcastOperatorTestHarness<String, SourcedEvent, B, Recommendation> harness;
    private final Upstream<B> upstream;
    private long offset;
    private long probes;

    private OperatorRecommender(String name,
            KeyedBroadcastOperatorTestHarness<String, SourcedEvent, B, Recommendation> harness, Upstream<B> upstream) {
        this.name = name;
        this.harness = harness;
        this.upstream = upstream;
    }

    /**
     * Opens the function that {@code factory} builds from the job options {@code options}, on top of the
     * evaluation's: a recommendation on every event (as the brief of the replay needs) and lists
     * {@code maxCandidates} long, so the replay can drop the user's seen items and still fill its depth.
     */
    public static <B> OperatorRecommender<B> open(String name, FunctionFactory<B> factory,
            List<MapStateDescriptor<?, ?>> broadcastStates, Upstream<B> upstream, Map<String, String> options,
            int maxCandidates) throws Exception {
        Map<String, String> merged = new HashMap<>();
        merged.put("recommend.min-interval", "0 ms");
        merged.put("recommend.top-n", Integer.toString(maxCandidates));
        merged.putAll(options);
        Configuration config = JobConfig.fromMap(merged);
        var harness = new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(factory.create(config), broadcastStates),
                SourcedEvent::userId, Types.STRING, 1, 1, 0);
        harness.open();
        return new OperatorRecommender<>(name, harness, upstream);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void addItems(List<Item> items) {
        try {
            List<B> inputs = upstream.items(items);
            for (int i = 0; i < inputs.size(); i++) {
                harness.processBroadcastElement(inputs.get(i), items.get(i).getUpdatedAt().toEpochMilli());
            }
            harness.getOutput().clear();
        } catch (Exception e) {
            throw new IllegalStateException(name + ": catalogue update failed", e);
        }
    }

    @Override
    public List<String> recommend(String userId, long eventTimeMillis, int howMany) {
        // The probe names no item: a function excludes the triggering item, which here is the one being predicted.
        UserEvent request = UserEvent.newBuilder()
                .setEventId("eval-probe-" + probes++)
                .setUserId(userId)
                .setType(EventType.VIEW)
                .setItemId(null)
                .setEventTime(Instant.ofEpochMilli(eventTimeMillis))
                .build();
        try {
            harness.processElement(upstream.event(SourcedEvent.probe(request)), eventTimeMillis);
            List<Recommendation> out = harness.extractOutputValues();
            harness.getOutput().clear();
            if (out.isEmpty()) {
                return List.of();
            }
            List<RecommendedItem> items = out.get(out.size() - 1).getItems();
            List<String> ids = new ArrayList<>(Math.min(howMany, items.size()));
            for (int i = 0; i < items.size() && ids.size() < howMany; i++) {
                ids.add(items.get(i).getItemId());
            }
            return ids;
        } catch (Exception e) {
            throw new IllegalStateException(name + ": probe for user " + userId + " failed", e);
        }
    }

    @Override
    public void observe(UserEvent event) {
        long time = event.getEventTime().toEpochMilli();
        try {
            harness.processElement(upstream.event(new SourcedEvent(event, "replay", 0, offset++)), time);
            // The job would publish these; the replay only scores probes.
            harness.getOutput().clear();
            for (B input : upstream.feedback(harness)) {
                harness.processBroadcastElement(input, time);
            }
        } catch (Exception e) {
            throw new IllegalStateException(name + ": event " + event.getEventId() + " failed", e);
        }
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }
}
