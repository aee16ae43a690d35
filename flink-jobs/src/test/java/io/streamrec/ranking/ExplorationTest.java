package io.streamrec.ranking;

import static io.streamrec.testing.SyntheticVectors.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.learning.ModelState;
import io.streamrec.retrieval.ExactIndex;
import io.streamrec.state.ItemStats;
import io.streamrec.state.ItemVector;
import io.streamrec.state.UserProfile;
import io.streamrec.testing.SyntheticVectors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The exploration place: a fresh, untaken item retrieved by text is moved up to the exploration rank;
 * items that are old, already taken, or not retrieved by text are not; without exploration the ranker's
 * order stands.
 */
class ExplorationTest {
    private static final long DAY = 86_400_000L;
    private static final long NOW = T0 + 30 * DAY;

    private final Map<String, ItemVector> items = new HashMap<>();
    private final ExactIndex index = new ExactIndex(SyntheticVectors.DIM);
    private final ItemStats stats = new ItemStats(7 * DAY, 100);

    private void add(String id, int category, long seed, long updatedAt, int views) {
        ItemVector v = SyntheticVectors.item(id, category, seed);
        v.updatedAt = updatedAt;
        items.put(id, v);
        index.put(id, v.text);
        for (int i = 0; i < views; i++) {
            stats.addInteraction(id, 1.0, NOW - 1000);
        }
    }

    private List<RankedItem> rank(Exploration exploration) {
        UserProfile profile = new UserProfile();
        profile.interest = SyntheticVectors.categoryDirection(1);
        FeatureExtractor.Context c = new FeatureExtractor.Context(profile, SyntheticVectors.categoryDirection(1),
                List.of(), NOW, stats.popularity(stats.trending(1).get(0)));
        ModelState model = ModelState.prior(SyntheticVectors.DIM);
        return new ModelRanker(index, stats, exploration, ModelRanker.DEFAULT_CO_OCCURRING_CANDIDATES).rank(c, model.weights, items::get, Set.of(),
                new RecommendationFilter(Set.of(), Set.of()), 5, 20, 0);
    }

    private static int position(List<RankedItem> ranked, String id) {
        for (int i = 0; i < ranked.size(); i++) {
            if (ranked.get(i).item().itemId.equals(id)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aFreshMatchingItemIsMovedUpToTheExplorationRank() {
        for (int i = 0; i < 8; i++) {
            add("old-" + i, 1, i, T0, 20 + i); // popular siblings in the user's category
        }
        add("fresh", 1, 100, NOW - DAY, 0);
        add("stale", 1, 101, NOW - 20 * DAY, 0); // untaken but older than the window
        add("other", 4, 102, NOW - DAY, 0); // fresh, but another category

        List<RankedItem> plain = rank(Exploration.NONE);
        assertThat(position(plain, "fresh")).isEqualTo(-1); // loses to popular siblings by score alone

        List<RankedItem> explored = rank(new Exploration(1, 3, 7 * DAY));
        assertThat(explored).hasSize(5);
        assertThat(position(explored, "fresh")).isEqualTo(2);
        assertThat(explored.get(2).driver()).isEqualTo(Feature.FRESHNESS);
        assertThat(position(explored, "stale")).isEqualTo(-1);
        assertThat(position(explored, "other")).isEqualTo(-1);
        // The others keep their order.
        assertThat(explored.stream().filter(r -> !r.item().itemId.equals("fresh")).map(r -> r.item().itemId))
                .containsExactlyElementsOf(plain.subList(0, 4).stream().map(r -> r.item().itemId).toList());
    }

    @Test
    void anItemTakenAlreadyEarnsItsPlaceByScore() {
        for (int i = 0; i < 8; i++) {
            add("old-" + i, 1, i, T0, 20 + i);
        }
        add("fresh", 1, 100, NOW - DAY, 2); // new, but two views: popularity 2 is past the exploration bar
        assertThat(rank(new Exploration(1, 3, 7 * DAY))).extracting(r -> r.item().itemId)
                .containsExactlyElementsOf(rank(Exploration.NONE).stream().map(r -> r.item().itemId).toList());
    }

    @Test
    void invalidSettingsAreRefusedWithTheirValues() {
        assertThatThrownBy(() -> new Exploration(1, 0, DAY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rank >= 1");
    }
}
