package io.streamrec.learning;

import static io.streamrec.testing.SyntheticVectors.DIM;
import static io.streamrec.testing.SyntheticVectors.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.EventType;
import io.streamrec.ranking.FeatureExtractor;
import io.streamrec.retrieval.ExactIndex;
import io.streamrec.state.ItemStats;
import io.streamrec.state.ItemVector;
import io.streamrec.state.ProfileUpdater;
import io.streamrec.state.UserProfile;
import io.streamrec.testing.SyntheticVectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Popular negatives: drawn from the popular items, never an item the user has taken, the same for the same event. */
class FeedbackLabelerTest {
    private final ItemStats stats = new ItemStats(86_400_000L, 50);
    private final ExactIndex index = new ExactIndex(DIM);
    private final Map<String, ItemVector> items = new HashMap<>();
    private final FeatureExtractor features = new FeatureExtractor(stats);
    private final UserProfile user = new UserProfile();
    private FeatureExtractor.Context c;

    @BeforeEach
    void catalogueAndUser() {
        for (int i = 0; i < 200; i++) {
            ItemVector v = SyntheticVectors.item("i" + i, i % 4, i);
            items.put(v.itemId, v);
            index.put(v.itemId, v.text);
        }
        user.history.add("i1", EventType.VIEW, T0, 100);
        user.interest = SyntheticVectors.categoryDirection(0); // so each item's features tell it apart
        c = new FeatureExtractor.Context(user, ProfileUpdater.fused(user), List.of("i1"), T0, 0);
    }

    @Test
    void popularNegativesComeFromPopularItemsTheUserHasNotTaken() {
        List<String> popular = firstItems(10);
        ItemVector taken = items.get("i2");

        FeedbackLabeler uniformOnly = new FeedbackLabeler(features, 0, false, 0);
        assertThat(uniformOnly.label(c, user, taken, index, items::get, DIM, "e1", popular))
                .as("no negatives asked for: the positive alone").hasSize(1);

        FeedbackLabeler labeler = new FeedbackLabeler(features, 0, false, 20);
        List<FeedbackLabeler.Example> examples =
                labeler.label(c, user, taken, index, items::get, DIM, "e1", popular);
        assertThat(negativeIds(examples)).allMatch(popular::contains).doesNotContain("i1", "i2");
        assertThat(labeler.label(c, user, taken, index, items::get, DIM, "e1", popular))
                .as("deterministic per event").hasSize(examples.size());
    }

    @Test
    void poolExamplesCompareTheTakenItemWithASampleOfItsCandidatesOnly() {
        FeedbackLabeler labeler = new FeedbackLabeler(features, 0, false, 0);
        ItemVector taken = items.get("i2");
        Set<String> pool = new LinkedHashSet<>(firstItems(40));
        Set<String> excluded = Set.of("i1", "i3");

        assertThat(labeler.fromPool(c, items.get("i100"), pool, excluded, items::get, DIM, "e1", 8))
                .as("taken from outside the candidates: nothing to learn about their order").isNull();

        FeedbackLabeler.PoolExample example = labeler.fromPool(c, taken, pool, excluded, items::get, DIM, "e1", 8);
        assertThat(example.taken()).isEqualTo(features.features(c, taken, DIM));
        assertThat(example.others()).hasSize(8);
        List<String> others = ids(example.others());
        assertThat(others).doesNotHaveDuplicates().allMatch(pool::contains).doesNotContain("i1", "i2", "i3");
        assertThat(ids(labeler.fromPool(c, taken, pool, excluded, items::get, DIM, "e1", 8).others()))
                .as("deterministic per event").isEqualTo(others);
        assertThat(ids(labeler.fromPool(c, taken, pool, excluded, items::get, DIM, "e2", 8).others()))
                .as("another event, another sample").isNotEqualTo(others);
        assertThat(labeler.fromPool(c, taken, pool, excluded, items::get, DIM, "e1", 100).others())
                .as("all the other candidates when fewer than asked").hasSize(37);
    }

    private List<String> ids(List<float[]> featureVectors) {
        List<String> ids = new ArrayList<>();
        for (float[] x : featureVectors) {
            for (String id : items.keySet()) {
                if (Arrays.equals(x, features.features(c, items.get(id), DIM))) {
                    ids.add(id);
                }
            }
        }
        assertThat(ids).hasSize(featureVectors.size());
        return ids;
    }

    private List<String> firstItems(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("i" + i);
        }
        return ids;
    }

    /** The negatives' items, found by their feature vectors (the text part identifies the item). */
    private List<String> negativeIds(List<FeedbackLabeler.Example> examples) {
        assertThat(examples.get(0).label()).isTrue();
        List<FeedbackLabeler.Example> negatives = examples.subList(1, examples.size());
        assertThat(negatives).isNotEmpty().allMatch(e -> !e.label());
        List<String> ids = new ArrayList<>();
        for (FeedbackLabeler.Example e : negatives) {
            for (String id : items.keySet()) {
                if (Arrays.equals(e.features(), features.features(c, items.get(id), DIM))) {
                    ids.add(id);
                }
            }
        }
        assertThat(ids).hasSize(negatives.size());
        return ids;
    }
}
