package io.streamrec.job;

import static io.streamrec.testing.SyntheticVectors.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.EventType;
import io.streamrec.avro.ModelUpdate;
import io.streamrec.avro.Recommendation;
import io.streamrec.avro.RecommendedItem;
import io.streamrec.avro.UserEvent;
import io.streamrec.config.JobConfig;
import io.streamrec.events.SourcedEvent;
import io.streamrec.learning.ModelState;
import io.streamrec.ranking.Feature;
import io.streamrec.recommenders.ModelInput;
import io.streamrec.recommenders.ModelRecommender;
import io.streamrec.recommenders.ModelSettings;
import io.streamrec.state.UserProfile;
import io.streamrec.testing.SyntheticVectors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.Test;

class ModelOperatorTest {
    private static final int CATEGORIES = 4;
    private static final int ITEMS_PER_CATEGORY = 15;

    static ModelSettings settings(String... kv) {
        Map<String, String> o = new HashMap<>();
        o.put("recommend.min-interval", "0 ms");
        o.put("recommend.top-n", "5");
        o.put("learning.batch-size", "8");
        o.put("user.ttl", "1 h");
        for (int i = 0; i < kv.length; i += 2) {
            o.put(kv[i], kv[i + 1]);
        }
        return Settings.model(JobConfig.fromMap(o));
    }

    static KeyedBroadcastOperatorTestHarness<String, SourcedEvent, ModelInput, Recommendation> harness(
            ModelSettings s, OperatorSubtaskState restore, int parallelism, int subtask) throws Exception {
        var h = new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(
                        RecommenderFunction.model(s, (ModelRecommender.SentimentFactory) null),
                        List.of(RecommenderFunction.descriptors(RecommenderFunction.MODEL_MAPS))),
                SourcedEvent::userId, Types.STRING, 128, parallelism, subtask);
        if (restore != null) {
            h.initializeState(restore);
        }
        h.open();
        return h;
    }

    static void catalogue(KeyedBroadcastOperatorTestHarness<String, SourcedEvent, ModelInput, Recommendation> h)
            throws Exception {
        for (int c = 0; c < CATEGORIES; c++) {
            for (int i = 0; i < ITEMS_PER_CATEGORY; i++) {
                h.processBroadcastElement(ModelInput.item(SyntheticVectors.item("c" + c + "-" + i, c, c * 100 + i)), 0);
            }
        }
    }

    static SourcedEvent event(String id, String user, EventType type, String item, long time) {
        UserEvent e = UserEvent.newBuilder().setEventId(id).setUserId(user).setType(type).setItemId(item)
                .setEventTime(Instant.ofEpochMilli(time)).build();
        return new SourcedEvent(e, "views", 0, 0);
    }

    static Recommendation last(KeyedBroadcastOperatorTestHarness<String, SourcedEvent, ModelInput, Recommendation> h) {
        List<Recommendation> out = h.extractOutputValues();
        return out.get(out.size() - 1);
    }

    static List<ModelUpdate> updates(KeyedBroadcastOperatorTestHarness<String, SourcedEvent, ModelInput, Recommendation> h) {
        var side = h.getSideOutput(RecommenderFunction.MODEL_UPDATES);
        List<ModelUpdate> out = new ArrayList<>();
        if (side != null) {
            side.forEach(r -> out.add(r.getValue()));
        }
        return out;
    }

    static ModelState model(KeyedBroadcastOperatorTestHarness<String, SourcedEvent, ModelInput, Recommendation> h)
            throws Exception {
        return h.getBroadcastState(RecommenderFunction.descriptor(ModelRecommender.MODEL)).get("ranker");
    }

    @Test
    void newItemsAreRecommendedThroughTheirTextBeforeAnyInteraction() throws Exception {
        var h = harness(settings(), null, 1, 0);
        catalogue(h);
        for (int i = 0; i < 3; i++) {
            h.processElement(event("e" + i, "u", EventType.PURCHASE, "c2-" + i, T0 + i * 1000), 0);
        }
        // A brand-new item of the user's category: nobody has touched it.
        h.processBroadcastElement(ModelInput.item(SyntheticVectors.item("fresh", 2, 999)), 0);
        h.processElement(event("e9", "u", EventType.VIEW, "c2-3", T0 + 9000), 0);
        Recommendation rec = last(h);
        assertThat(rec.getRecommender()).isEqualTo("model");
        assertThat(rec.getItems()).hasSize(5);
        assertThat(rec.getItems()).extracting(RecommendedItem::getItemId).contains("fresh");
        List<String> ids = rec.getItems().stream().map(RecommendedItem::getItemId).toList();
        // The user's category fills the first places, up to the diversity limit (4 per category).
        assertThat(ids.subList(0, 4)).allSatisfy(id -> assertThat(id).matches("c2-\\d+|fresh"));
        assertThat(ids.get(4)).doesNotStartWith("c2-");
        assertThat(ids).doesNotContain("c2-0", "c2-1", "c2-2", "c2-3");
        rec.getItems().forEach(i -> assertThat(i.getScore()).isBetween(0f, 1f));
        assertThat(rec.getItems().get(0).getReason()).matches("similar to Item c2-\\d+ you (bought|viewed)");
        h.close();
    }

    @Test
    void feedbackBecomesUpdatesAndUpdatesAdvanceTheVersion() throws Exception {
        var h = harness(settings(), null, 1, 0);
        catalogue(h);
        Random random = new Random(3);
        for (int n = 0; n < 40; n++) {
            Recommendation shown = h.extractOutputValues().isEmpty() ? null : last(h);
            String item = shown != null && !shown.getItems().isEmpty() && random.nextBoolean()
                    ? shown.getItems().get(0).getItemId() : "c1-" + random.nextInt(ITEMS_PER_CATEGORY);
            h.processElement(event("e" + n, "u" + (n % 3), EventType.CLICK, item, T0 + n * 1000L), 0);
        }
        List<ModelUpdate> updates = updates(h);
        assertThat(updates).isNotEmpty();
        ModelUpdate first = updates.get(0);
        assertThat(first.getExampleCount()).isBetween(8, 8 + 5);
        assertThat(first.getGradient()).hasSize(Feature.COUNT + SyntheticVectors.DIM);
        assertThat(first.getBaseVersion()).isZero();
        assertThat(first.getLoss()).isPositive();
        assertThat(first.getUpdateId()).isEqualTo("streamrec-recommendations-0-0");

        float[] before = model(h).weights.clone();
        for (ModelUpdate u : updates) {
            h.processBroadcastElement(ModelInput.update(u), 0);
        }
        assertThat(model(h).version).isEqualTo(updates.size());
        assertThat(model(h).weights).as("the updates moved the parameters").isNotEqualTo(before);
        assertThat(model(h).weights[Feature.BIAS.ordinal()]).as("pairs say nothing about the bias; it stays at its prior")
                .isEqualTo(Feature.BIAS.prior());
        h.processElement(event("after", "u0", EventType.VIEW, "c1-1", T0 + 100_000), 0);
        assertThat(last(h).getModelVersion()).isEqualTo(updates.size());
        h.close();
    }

    @Test
    void replicasHoldIdenticalParametersAfterTheSameUpdatesAndAfterRestore() throws Exception {
        var producer = harness(settings(), null, 1, 0);
        catalogue(producer);
        for (int n = 0; n < 48; n++) {
            producer.processElement(event("e" + n, "u" + (n % 5), EventType.PURCHASE, "c" + (n % 4) + "-" + (n % 7),
                    T0 + n * 1000L), 0);
        }
        List<ModelUpdate> log = updates(producer);
        assertThat(log).hasSizeGreaterThanOrEqualTo(3);

        var a = harness(settings(), null, 2, 0);
        var b = harness(settings(), null, 2, 1);
        for (var replica : List.of(a, b)) {
            catalogue(replica);
            log.forEach(u -> {
                try {
                    replica.processBroadcastElement(ModelInput.update(u), 0);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        assertThat(model(a).checksum()).isEqualTo(model(b).checksum());
        assertThat(model(a).version).isEqualTo(model(b).version).isEqualTo(log.size());

        OperatorSubtaskState snapA = a.snapshot(1, 1);
        OperatorSubtaskState snapB = b.snapshot(1, 1);
        var a2 = harness(settings(), snapA, 2, 0);
        var b2 = harness(settings(), snapB, 2, 1);
        assertThat(model(a2).checksum()).isEqualTo(model(a).checksum()).isEqualTo(model(b2).checksum());
        assertThat(model(b2).version).isEqualTo(log.size());
        producer.close();
        for (var h : List.of(a, b, a2, b2)) {
            h.close();
        }
    }

    @Test
    void restoreCarriesProfilesIndexAndPendingGradients() throws Exception {
        ModelSettings s = settings("learning.batch-size", "1000");
        var h = harness(s, null, 1, 0);
        catalogue(h);
        for (int n = 0; n < 10; n++) {
            h.processElement(event("e" + n, "u", EventType.CLICK, "c3-" + n, T0 + n * 1000L), 0);
        }
        OperatorSubtaskState snap = h.snapshot(1, 1);
        h.close();
        var restored = harness(s, snap, 1, 0);
        UserProfile p = profile(restored, "u", s);
        assertThat(p.history.itemIds).hasSize(10);
        assertThat(p.interest).hasSize(SyntheticVectors.DIM);
        assertThat(p.categoryShare("cat3")).isEqualTo(1f);
        restored.processElement(event("x", "u", EventType.VIEW, "c3-11", T0 + 20_000), 0);
        assertThat(last(restored).getItems()).isNotEmpty();
        assertThat(last(restored).getItems().get(0).getItemId()).startsWith("c3-");
        restored.close();
    }

    @Test
    void idleUsersExpire() throws Exception {
        ModelSettings s = settings();
        var h = harness(s, null, 1, 0);
        catalogue(h);
        h.setStateTtlProcessingTime(0);
        h.processElement(event("e", "u", EventType.VIEW, "c0-1", T0), 0);
        assertThat(profile(h, "u", s)).isNotNull();
        h.setStateTtlProcessingTime(3_600_001L);
        assertThat(profile(h, "u", s)).isNull();
        h.close();
    }

    static UserProfile profile(KeyedBroadcastOperatorTestHarness<String, SourcedEvent, ModelInput, Recommendation> h,
            String user, ModelSettings s) throws Exception {
        KeyedStateBackend<String> backend = h.getOperator().getKeyedStateBackend();
        backend.setCurrentKey(user);
        ValueState<UserProfile> state = backend.getPartitionedState(VoidNamespace.INSTANCE,
                VoidNamespaceSerializer.INSTANCE, RecommenderFunction.userStateDescriptor(new ModelRecommender(s, null, 0, 1)));
        return state.value();
    }
}
