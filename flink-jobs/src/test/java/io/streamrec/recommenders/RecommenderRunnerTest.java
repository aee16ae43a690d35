package io.streamrec.recommenders;

import static io.streamrec.testing.TestEvents.T0;
import static io.streamrec.testing.TestEvents.event;
import static io.streamrec.testing.TestEvents.item;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.EventType;
import io.streamrec.avro.ModelUpdate;
import io.streamrec.avro.Recommendation;
import io.streamrec.avro.RecommendedItem;
import io.streamrec.avro.UserEvent;
import io.streamrec.config.JobConfig;
import io.streamrec.events.ItemUpdate;
import io.streamrec.events.SourcedEvent;
import io.streamrec.job.Settings;
import io.streamrec.state.ItemVector;
import io.streamrec.state.MapView;
import io.streamrec.state.UserHistory;
import io.streamrec.state.UserProfile;
import io.streamrec.testing.SyntheticVectors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The recommender core without Flink: the same step per event as the job's operator, on plain maps. */
class RecommenderRunnerTest {

    private static RecommenderRunner<UserHistory, ItemUpdate> baseline() {
        RecommenderSettings settings = Settings.recommender(JobConfig.fromMap(Map.of(
                "recommend.min-interval", "0 ms", "recommend.top-n", "3")));
        RecommenderRunner<UserHistory, ItemUpdate> runner =
                new RecommenderRunner<>(new BaselineRecommender(settings, 0, 1), null);
        for (String[] i : List.of(new String[] {"tent", "outdoor"}, new String[] {"stove", "outdoor"},
                new String[] {"novel", "books"})) {
            runner.broadcast(new ItemUpdate(i[0], item(i[0], i[0], i[1])), 0);
        }
        return runner;
    }

    private static SourcedEvent sourced(String id, String user, EventType type, String item, long time) {
        return new SourcedEvent(event(id, user, type, item, time), "events", 0, 0);
    }

    private static List<String> ids(Recommendation r) {
        return r.getItems().stream().map(RecommendedItem::getItemId).toList();
    }

    @Test
    void aListChangesNoStateAndADuplicateChangesNothing() {
        var runner = baseline();
        int n = 0;
        for (String user : List.of("a", "b")) {
            runner.event(sourced("p" + n++, user, EventType.PURCHASE, "tent", T0 + n), T0);
            runner.event(sourced("p" + n++, user, EventType.PURCHASE, "stove", T0 + n), T0);
        }
        List<Recommendation> served = runner.event(sourced("v", "u", EventType.VIEW, "tent", T0 + 10), T0);
        assertThat(served).hasSize(1);
        assertThat(ids(served.get(0))).first().isEqualTo("stove");

        var request = event("request", "u", EventType.VIEW, null, T0 + 20);
        Recommendation first = runner.recommend(request, T0 + 20, T0);
        Recommendation again = runner.recommend(request, T0 + 20, T0);
        assertThat(ids(again)).isEqualTo(ids(first));
        assertThat(runner.user("u").itemIds).containsExactly("tent");
        assertThat(runner.user("nobody")).as("a list for an unknown user keeps no state").isNull();
        runner.recommend(event("r2", "nobody", EventType.VIEW, null, T0 + 20), T0 + 20, T0);
        assertThat(runner.user("nobody")).isNull();

        assertThat(runner.event(sourced("v", "u", EventType.VIEW, "novel", T0 + 30), T0))
                .as("the same event id again is a duplicate: no list, no change").isEmpty();
        assertThat(runner.user("u").itemIds).containsExactly("tent");
    }

    @Test
    void theModelsUpdatesAreAppliedInOrderAndAdvanceItsVersion() {
        Map<String, String> options = new HashMap<>(Map.of("recommend.min-interval", "0 ms",
                "learning.batch-size", "4", "ranking.max-per-category", "0"));
        ModelSettings settings = Settings.model(JobConfig.fromMap(options));
        var model = new ModelRecommender(settings, null, 0, 1);
        RecommenderRunner<UserProfile, ModelInput> runner =
                new RecommenderRunner<>(model, ModelInput::update).recordingUpdates();
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 10; i++) {
                ItemVector v = SyntheticVectors.item("c" + c + "-" + i, c, c * 100L + i);
                runner.broadcast(ModelInput.item(v), 0);
            }
        }
        for (int n = 0; n < 60; n++) {
            String item = "c" + (n % 3) + "-" + (n / 3 % 10);
            runner.event(sourced("e" + n, "u" + (n % 5), EventType.CLICK, item, T0 + n * 1000L), T0);
        }
        List<ModelUpdate> published = runner.published();
        assertThat(published).isNotEmpty();
        assertThat(published).extracting(ModelUpdate::getBaseVersion)
                .as("each update is made on the version the previous ones produced").isSorted();
        assertThat(model.modelVersion()).isEqualTo(published.size());
    }

    @Test
    void aUserPairsAnItemWithTheirRecentItemsOnceWhateverTheyDoWithItAfterwards() {
        var model = new ModelRecommender(Settings.model(JobConfig.fromMap(Map.of("recommend.min-interval", "0 ms"))),
                null, 0, 1);
        RecommenderRunner<UserProfile, ModelInput> runner = new RecommenderRunner<>(model, ModelInput::update);
        for (int i = 0; i < 3; i++) {
            runner.broadcast(ModelInput.item(SyntheticVectors.item("i" + i, 0, i)), 0);
        }
        int n = 0;
        for (EventType type : List.of(EventType.VIEW, EventType.VIEW, EventType.CLICK, EventType.PURCHASE, EventType.VIEW)) {
            runner.event(sourced("a" + n, "a", type, n == 0 ? "i0" : "i1", T0 + 1000L * n++), T0);
        }
        assertThat(model.itemStats().neighbourCounts("i0")).as("the click, the purchase and the second view add no pair")
                .containsExactly(Map.entry("i1", 1f));
        runner.event(sourced("b0", "b", EventType.PURCHASE, "i0", T0 + 10_000), T0);
        runner.event(sourced("b1", "b", EventType.PURCHASE, "i1", T0 + 11_000), T0);
        assertThat(model.itemStats().neighbourCounts("i1")).as("another user: another pair")
                .containsExactly(Map.entry("i0", 2f));
        assertThat(model.itemStats().popularity("i1")).as("popularity still counts every interaction by its weight")
                .isGreaterThan(model.itemStats().popularity("i0"));
    }

    /**
     * Updates published after 60 clicks of 5 users on 30 items, each carrying {@code rating} (null: none), with
     * learning.positive-min-rating {@code minRating}.
     */
    private static List<ModelUpdate> updatesFromClicksRated(Float rating, String minRating) {
        ModelSettings settings = Settings.model(JobConfig.fromMap(Map.of("recommend.min-interval", "0 ms",
                "learning.batch-size", "4", "ranking.max-per-category", "0", "learning.positive-min-rating", minRating)));
        RecommenderRunner<UserProfile, ModelInput> runner =
                new RecommenderRunner<>(new ModelRecommender(settings, null, 0, 1), ModelInput::update)
                        .recordingUpdates();
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 10; i++) {
                runner.broadcast(ModelInput.item(SyntheticVectors.item("c" + c + "-" + i, c, c * 100L + i)), 0);
            }
        }
        for (int n = 0; n < 60; n++) {
            String item = "c" + (n % 3) + "-" + (n / 3 % 10);
            UserEvent click = UserEvent.newBuilder(event("e" + n, "u" + (n % 5), EventType.CLICK, item, T0 + n * 1000L))
                    .setRating(rating).build();
            runner.event(new SourcedEvent(click, "events", 0, n), T0);
        }
        return runner.published();
    }

    @Test
    void anInteractionRatedBelowThePositiveThresholdIsNotLearnedFrom() {
        assertThat(updatesFromClicksRated(2f, "4")).as("rated 2 of 5: watched, not liked").isEmpty();
        assertThat(updatesFromClicksRated(3.5f, "4")).as("below learning.positive-min-rating").isEmpty();
        List<ModelUpdate> liked = updatesFromClicksRated(4f, "4");
        assertThat(liked).isNotEmpty();
        assertThat(updatesFromClicksRated(null, "4")).as("no rating: a positive").hasSameSizeAs(liked);
        assertThat(updatesFromClicksRated(2f, "0")).as("0: every interaction is a positive").hasSameSizeAs(liked);
    }

    /**
     * Every item viewed equally often, in one category, but only four of them liked (rated 5; the others 2): no
     * feature tells them apart, only the offsets learnt per item can, and the list served to a new user then
     * leads with what the others liked.
     */
    private static List<String> listAfterLikesOfFourItems(String itemBiasRate) {
        ModelSettings settings = Settings.model(JobConfig.fromMap(Map.of("recommend.min-interval", "0 ms",
                "recommend.top-n", "4", "learning.batch-size", "4", "ranking.max-per-category", "0",
                "learning.positive-min-rating", "4", "learning.gate.half-life", "0",
                "learning.item-bias.learning-rate", itemBiasRate)));
        RecommenderRunner<UserProfile, ModelInput> runner =
                new RecommenderRunner<>(new ModelRecommender(settings, null, 0, 1), ModelInput::update);
        int items = 20;
        for (int i = 0; i < items; i++) {
            runner.broadcast(ModelInput.item(SyntheticVectors.item("i" + i, 0, i)), 0);
        }
        int n = 0;
        Random random = new Random(3);
        for (int u = 0; u < 40; u++) {
            List<Integer> order = new ArrayList<>(IntStream.range(0, items).boxed().toList());
            Collections.shuffle(order, random);
            for (int i : order) {
                UserEvent view = UserEvent.newBuilder(event("e" + n, "u" + u, EventType.VIEW, "i" + i, T0 + n * 1000L))
                        .setRating(i >= 10 && i < 14 ? 5f : 2f).build();
                runner.event(new SourcedEvent(view, "events", 0, n++), T0);
            }
        }
        List<Recommendation> served = runner.event(sourced("probe", "new", EventType.VIEW, "i0", T0 + n * 1000L), T0);
        if (!itemBiasRate.equals("0")) {
            MapView<float[]> offsets = runner.broadcastMap(ModelRecommender.ITEM_BIASES);
            assertThat(offsets.get("i10")[0]).as("a liked item's offset").isPositive();
            runner.broadcast(ModelInput.removal("i10"), 0);
            assertThat(offsets.get("i10")).as("removed from the catalogue, its offset goes too").isNull();
        }
        return ids(served.get(0));
    }

    @Test
    void itemOffsetsLiftTheItemsUsersLikeWhereNoFeatureTellsThemApart() {
        List<String> liked = List.of("i10", "i11", "i12", "i13");
        List<String> withOffsets = listAfterLikesOfFourItems("0.5");
        List<String> without = listAfterLikesOfFourItems("0");
        System.out.printf("item offsets: list %s with them, %s without%n", withOffsets, without);
        assertThat(withOffsets).containsExactlyInAnyOrderElementsOf(liked);
        assertThat(without).as("the shared weights alone").isNotEqualTo(withOffsets);
    }
}
