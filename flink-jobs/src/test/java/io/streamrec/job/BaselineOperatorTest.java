package io.streamrec.job;

import static io.streamrec.testing.TestEvents.T0;
import static io.streamrec.testing.TestEvents.event;
import static io.streamrec.testing.TestEvents.item;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.DeadLetter;
import io.streamrec.avro.EventType;
import io.streamrec.avro.Recommendation;
import io.streamrec.avro.RecommendedItem;
import io.streamrec.config.JobConfig;
import io.streamrec.events.DeadLetters;
import io.streamrec.events.ItemUpdate;
import io.streamrec.events.SourcedEvent;
import io.streamrec.recommenders.BaselineRecommender;
import io.streamrec.recommenders.RecommenderSettings;
import io.streamrec.state.UserHistory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.Test;

class BaselineOperatorTest {
    /** The user TTL these tests configure. */
    private static final long ONE_HOUR_MS = 3_600_000L;

    private static RecommenderSettings settings(String... keyValues) {
        Map<String, String> options = new HashMap<>();
        options.put("recommend.min-interval", "0 ms");
        options.put("recommend.top-n", "3");
        options.put("user.ttl", "1 h");
        for (int i = 0; i < keyValues.length; i += 2) {
            options.put(keyValues[i], keyValues[i + 1]);
        }
        return Settings.recommender(JobConfig.fromMap(options));
    }

    private static KeyedBroadcastOperatorTestHarness<String, SourcedEvent, ItemUpdate, Recommendation> harness(
            RecommenderSettings settings, OperatorSubtaskState restoreFrom) throws Exception {
        var harness = new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(RecommenderFunction.baseline(settings),
                        List.of(RecommenderFunction.descriptors(RecommenderFunction.BASELINE_MAPS))),
                SourcedEvent::userId, Types.STRING, 1, 1, 0);
        if (restoreFrom != null) {
            harness.initializeState(restoreFrom);
        }
        harness.open();
        return harness;
    }

    private static SourcedEvent sourced(String id, String user, EventType type, String item, long time) {
        return new SourcedEvent(event(id, user, type, item, time), "views", 0, 0);
    }

    private static void catalogue(KeyedBroadcastOperatorTestHarness<String, SourcedEvent, ItemUpdate, Recommendation> h)
            throws Exception {
        h.processBroadcastElement(new ItemUpdate("tent", item("tent", "Two-person tent", "outdoor")), 0);
        h.processBroadcastElement(new ItemUpdate("stove", item("stove", "Camping stove", "outdoor")), 0);
        h.processBroadcastElement(new ItemUpdate("novel", item("novel", "Space opera novel", "books")), 0);
        h.processBroadcastElement(new ItemUpdate("boots", item("boots", "Hiking boots", "outdoor")), 0);
    }

    /** Other users bought tent and stove together; a new user viewing the tent is shown the stove. */
    private static void plantCoPurchases(
            KeyedBroadcastOperatorTestHarness<String, SourcedEvent, ItemUpdate, Recommendation> h) throws Exception {
        int n = 0;
        for (String user : List.of("a", "b", "c")) {
            h.processElement(sourced("p" + n++, user, EventType.PURCHASE, "tent", T0 + n), 0);
            h.processElement(sourced("p" + n++, user, EventType.PURCHASE, "stove", T0 + n), 0);
        }
        h.processElement(sourced("p" + n++, "d", EventType.VIEW, "novel", T0 + n), 0);
    }

    private static UserHistory historyOf(
            KeyedBroadcastOperatorTestHarness<String, SourcedEvent, ItemUpdate, Recommendation> h, String user,
            RecommenderSettings settings) throws Exception {
        KeyedStateBackend<String> backend = h.getOperator().getKeyedStateBackend();
        backend.setCurrentKey(user);
        ValueState<UserHistory> state = backend.getPartitionedState(VoidNamespace.INSTANCE,
                VoidNamespaceSerializer.INSTANCE, RecommenderFunction.userStateDescriptor(new BaselineRecommender(settings, 0, 1)));
        return state.value();
    }

    @Test
    void recommendsCoOccurringItemsWithReasonsAndTitles() throws Exception {
        var h = harness(settings(), null);
        catalogue(h);
        plantCoPurchases(h);
        h.processElement(sourced("x1", "newcomer", EventType.VIEW, "tent", T0 + 100), 0);

        Recommendation rec = h.extractOutputValues().get(h.extractOutputValues().size() - 1);
        assertThat(rec.getUserId()).isEqualTo("newcomer");
        assertThat(rec.getTriggerEventId()).isEqualTo("x1");
        assertThat(rec.getRecommendationId()).isEqualTo("rec-x1");
        RecommendedItem top = rec.getItems().get(0);
        assertThat(top.getItemId()).isEqualTo("stove");
        assertThat(top.getTitle()).isEqualTo("Camping stove");
        assertThat(top.getReason()).isEqualTo("often chosen with Two-person tent");
        assertThat(rec.getItems()).extracting(RecommendedItem::getItemId).doesNotContain("tent");
        assertThat(rec.getItems()).hasSizeLessThanOrEqualTo(3);
        h.close();
    }

    @Test
    void keepsBoundedHistoryAndRejectsDuplicateEvents() throws Exception {
        RecommenderSettings s = settings("user.history.max-length", "2");
        var h = harness(s, null);
        h.processElement(sourced("e1", "u", EventType.VIEW, "tent", T0), 0);
        h.processElement(sourced("e2", "u", EventType.CLICK, "stove", T0 + 1), 0);
        h.processElement(sourced("e3", "u", EventType.PURCHASE, "boots", T0 + 2), 0);
        h.processElement(sourced("e2", "u", EventType.CLICK, "stove", T0 + 3), 0);

        UserHistory history = historyOf(h, "u", s);
        assertThat(history.itemIds).containsExactly("stove", "boots");
        assertThat(history.typeAt(1)).isEqualTo(EventType.PURCHASE);
        assertThat(history.times).containsExactly(T0 + 1, T0 + 2);
        assertThat(h.extractOutputValues()).hasSize(3);
        List<DeadLetter> dead = h.getSideOutput(DeadLetters.TAG).stream().map(r -> r.getValue()).toList();
        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.getErrorCode()).isEqualTo("DUPLICATE_EVENT");
            assertThat(d.getError()).contains("e2");
        });
        h.close();
    }

    @Test
    void excludesPurchasedAndBlockedItems() throws Exception {
        var h = harness(settings("recommend.blocked-categories", "books"), null);
        catalogue(h);
        plantCoPurchases(h);
        h.processElement(sourced("x1", "b", EventType.VIEW, "boots", T0 + 100), 0);
        Recommendation rec = h.extractOutputValues().get(h.extractOutputValues().size() - 1);
        // b purchased tent and stove; novel is in a blocked category.
        assertThat(rec.getItems()).extracting(RecommendedItem::getItemId).doesNotContain("tent", "stove", "novel");
        h.close();
    }

    @Test
    void minimumIntervalThrottlesBursts() throws Exception {
        var h = harness(settings("recommend.min-interval", "10 s"), null);
        h.processElement(sourced("e1", "u", EventType.VIEW, "tent", T0), 0);
        h.processElement(sourced("e2", "u", EventType.VIEW, "stove", T0 + 1_000), 0);
        h.processElement(sourced("e3", "u", EventType.VIEW, "boots", T0 + 10_000), 0);
        assertThat(h.extractOutputValues()).extracting(Recommendation::getTriggerEventId).containsExactly("e1", "e3");
        h.close();
    }

    @Test
    void idleUsersExpire() throws Exception {
        RecommenderSettings s = settings();
        var h = harness(s, null);
        h.setStateTtlProcessingTime(0);
        h.processElement(sourced("e1", "u", EventType.VIEW, "tent", T0), 0);
        assertThat(historyOf(h, "u", s)).isNotNull();
        h.setStateTtlProcessingTime(ONE_HOUR_MS + 1);
        assertThat(historyOf(h, "u", s)).as("history after the TTL").isNull();
        h.close();
    }

    @Test
    void snapshotAndRestoreCarryHistoryCatalogueAndStatistics() throws Exception {
        RecommenderSettings s = settings();
        var h = harness(s, null);
        catalogue(h);
        plantCoPurchases(h);
        OperatorSubtaskState snapshot = h.snapshot(1, 1);
        h.close();

        var restored = harness(s, snapshot);
        assertThat(historyOf(restored, "a", s).itemIds).containsExactly("tent", "stove");
        restored.processElement(sourced("x1", "newcomer", EventType.VIEW, "tent", T0 + 100), 0);
        Recommendation rec = restored.extractOutputValues().get(0);
        assertThat(rec.getItems().get(0).getItemId()).isEqualTo("stove");
        assertThat(rec.getItems().get(0).getTitle()).isEqualTo("Camping stove");
        restored.close();
    }
}
