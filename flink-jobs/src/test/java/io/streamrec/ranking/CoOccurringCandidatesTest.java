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
 * Co-occurrence candidates: items neither near the user's vector nor trending reach the ranker only through
 * {@code ranking.candidates.co-occurring}, strongest co-occurrence with the recent items (as a whole) first.
 */
class CoOccurringCandidatesTest {
    private static final long NOW = T0 + 86_400_000L;

    private final Map<String, ItemVector> items = new HashMap<>();
    private final ExactIndex index = new ExactIndex(SyntheticVectors.DIM);
    private final ItemStats stats = new ItemStats(86_400_000L, 50);

    private void add(String id, int category, long seed) {
        ItemVector v = SyntheticVectors.item(id, category, seed);
        items.put(id, v);
        index.put(id, v.text);
    }

    private List<String> rankedIds(int coOccurring) {
        return rankedIds(coOccurring, new RecommendationFilter(Set.of(), Set.of()));
    }

    private List<String> rankedIds(int coOccurring, RecommendationFilter filter) {
        return rankedIds(coOccurring, filter, Set.of());
    }

    private List<String> rankedIds(int coOccurring, RecommendationFilter filter, Set<String> excluded) {
        UserProfile profile = new UserProfile();
        profile.interest = SyntheticVectors.categoryDirection(1);
        FeatureExtractor.Context c = new FeatureExtractor.Context(profile, SyntheticVectors.categoryDirection(1),
                List.of("recent-a", "recent-b"), NOW, stats.popularity(stats.trending(1).get(0)));
        // 5 nearest, everything scored is returned (n 100, no per-category cap).
        return new ModelRanker(index, stats, Exploration.NONE, coOccurring)
                .rank(c, ModelState.prior(SyntheticVectors.DIM).weights, items::get, excluded,
                        filter, 100, 5, 0)
                .stream().map(r -> r.item().itemId).toList();
    }

    @Test
    void theStrongestCoOccurringItemsJoinTheCandidates() {
        for (int i = 0; i < 40; i++) { // the user's category, all popular: nearest and trending come from here
            add("near-" + i, 1, i);
            stats.addInteraction("near-" + i, 5.0, NOW - 1000);
        }
        add("recent-a", 7, 200);
        add("recent-b", 7, 201);
        for (int i = 0; i < 6; i++) { // far from the user, never interacted with on their own
            add("far-" + i, 9, 300 + i);
        }
        // far-0 co-occurs with both recent items, far-1 strongly with one, far-2 weakly, the rest once.
        stats.addCoOccurrence("recent-a", "far-0", 4f);
        stats.addCoOccurrence("recent-b", "far-0", 4f);
        stats.addCoOccurrence("recent-a", "far-1", 6f);
        stats.addCoOccurrence("recent-b", "far-2", 2f);
        for (int i = 3; i < 6; i++) {
            stats.addCoOccurrence("recent-a", "far-" + i, 1f);
        }

        assertThat(rankedIds(0)).noneMatch(id -> id.startsWith("far-"));
        assertThat(rankedIds(2)).filteredOn(id -> id.startsWith("far-")).containsExactlyInAnyOrder("far-0", "far-1");
        assertThat(rankedIds(100)).filteredOn(id -> id.startsWith("far-")).hasSize(6);
    }

    @Test
    void excludedItemsTakeNoneOfTheCoOccurringPlaces() {
        for (int i = 0; i < 40; i++) {
            add("near-" + i, 1, i);
            stats.addInteraction("near-" + i, 5.0, NOW - 1000);
        }
        add("recent-a", 7, 200);
        add("recent-b", 7, 201);
        for (int i = 0; i < 6; i++) {
            add("far-" + i, 9, 300 + i);
            // far-0 strongest, far-5 weakest
            stats.addCoOccurrence("recent-a", "far-" + i, 6f - i);
        }
        RecommendationFilter none = new RecommendationFilter(Set.of(), Set.of());
        // The user has had the two strongest: the two places go to the next two, not to items the list drops.
        assertThat(rankedIds(2, none, Set.of("far-0", "far-1"))).filteredOn(id -> id.startsWith("far-"))
                .containsExactlyInAnyOrder("far-2", "far-3");
        assertThat(rankedIds(2, none, Set.of())).filteredOn(id -> id.startsWith("far-"))
                .containsExactlyInAnyOrder("far-0", "far-1");
    }

    @Test
    void blockedItemsAndCategoriesAreNeverRanked() {
        for (int i = 0; i < 10; i++) {
            add("near-" + i, 1, i);
            add("other-" + i, 2, 100 + i);
            stats.addInteraction("near-" + i, 1.0, NOW - 1000);
            stats.addInteraction("other-" + i, 5.0, NOW - 1000); // trending: candidates too
        }
        assertThat(rankedIds(0)).contains("near-3", "other-0");
        List<String> ranked = rankedIds(0, new RecommendationFilter(Set.of("near-3"), Set.of("cat2")));
        assertThat(ranked).contains("near-0").doesNotContain("near-3").noneMatch(id -> id.startsWith("other-"));
    }

    @Test
    void aNegativeCountIsRefused() {
        assertThatThrownBy(() -> new ModelRanker(index, stats, Exploration.NONE, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("co-occurring");
    }
}
