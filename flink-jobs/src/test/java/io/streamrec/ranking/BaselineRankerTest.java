package io.streamrec.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.EventType;
import io.streamrec.state.ItemInfo;
import io.streamrec.state.ItemStats;
import io.streamrec.state.UserHistory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The array-based ranking against a direct implementation of its definition (co-occurrence of recent items,
 * more recent weighing more, plus 0.3 x relative popularity; by score descending, then id; exclusions and
 * the block list applied), over random statistics with many ties.
 */
class BaselineRankerTest {
    @Test
    void agreesWithTheDefinitionIncludingTiesExclusionsAndBlocks() {
        Random r = new Random(21);
        for (int round = 0; round < 60; round++) {
            ItemStats stats = new ItemStats(3_600_000L, 100);
            for (int i = 0; i < 400; i++) {
                String a = "i" + r.nextInt(40);
                stats.addInteraction(a, 1 + r.nextInt(2), 1_000L * (i / 50)); // equal weights and times: ties
                stats.addCoOccurrence(a, "i" + r.nextInt(40), 1);
            }
            UserHistory history = new UserHistory();
            for (int e = 0; e < 6; e++) {
                history.add("i" + r.nextInt(40), EventType.VIEW, e, 50);
            }
            Set<String> excluded = new HashSet<>(List.of("i" + r.nextInt(40), "i" + r.nextInt(40)));
            RecommendationFilter filter = new RecommendationFilter(Set.of("i" + r.nextInt(40)), Set.of("odd"));
            Map<String, ItemInfo> catalogue = new HashMap<>();
            for (int i = 0; i < 40; i++) {
                catalogue.put("i" + i, new ItemInfo("Item " + i, i % 7 == 1 ? "odd" : "even", 0L));
            }
            int n = 1 + r.nextInt(12);
            List<String> got = new ArrayList<>();
            new BaselineRanker(stats, 10).rank(history, n, excluded, filter, catalogue::get)
                    .forEach(s -> got.add(s.itemId()));
            assertThat(got).as("round %d", round).isEqualTo(expected(stats, history, n, excluded, filter, catalogue));
        }
    }

    @Test
    void quickselectFindsTheKthLargest() {
        Random r = new Random(8);
        for (int round = 0; round < 200; round++) {
            int n = 1 + r.nextInt(300);
            float[] a = new float[n];
            for (int i = 0; i < n; i++) {
                a[i] = r.nextInt(4) == 0 ? 1f : r.nextInt(50) / 7f; // many ties
            }
            float[] sorted = a.clone();
            java.util.Arrays.sort(sorted);
            int k = 1 + r.nextInt(n);
            assertThat(BaselineRanker.kthLargest(a.clone(), k)).isEqualTo(sorted[n - k]);
        }
    }

    private static List<String> expected(ItemStats stats, UserHistory history, int n, Set<String> excluded,
            RecommendationFilter filter, Map<String, ItemInfo> catalogue) {
        Map<String, Float> co = new HashMap<>();
        List<String> recent = history.recentDistinctItems(10);
        for (int i = 0; i < recent.size(); i++) {
            Map<String, Float> counts = stats.neighbourCounts(recent.get(i)); // < 50 neighbours: all count
            float max = counts.values().stream().max(Float::compare).orElse(0f);
            for (Map.Entry<String, Float> e : counts.entrySet()) {
                co.merge(e.getKey(), (1f / (1 + i)) * e.getValue() / max, Float::sum);
            }
        }
        Map<String, Float> score = new HashMap<>(co);
        List<String> trending = stats.trending(100);
        double top = stats.popularity(trending.get(0));
        for (String t : trending) {
            float trend = (float) (BaselineRanker.TRENDING_WEIGHT * (stats.popularity(t) / top));
            score.put(t, co.getOrDefault(t, 0f) + trend);
        }
        return score.entrySet().stream()
                .sorted((a, b) -> {
                    int c = Float.compare(b.getValue(), a.getValue());
                    return c != 0 ? c : a.getKey().compareTo(b.getKey());
                })
                .map(Map.Entry::getKey)
                .filter(id -> !excluded.contains(id) && filter.allows(id, catalogue.get(id)))
                .limit(n)
                .toList();
    }
}
