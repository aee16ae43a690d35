package io.streamrec.eval.recommenders;

import static io.streamrec.eval.Fixtures.item;
import static io.streamrec.eval.Fixtures.millis;
import static io.streamrec.eval.Fixtures.purchase;
import static io.streamrec.eval.Fixtures.view;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.Item;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineRecommendersTest {

    @Test
    void popularityRanksByInteractionsThenById() {
        PopularityRecommender r = new PopularityRecommender();
        r.observe(view("1", "u", "b", 1));
        r.observe(view("2", "w", "b", 2));
        r.observe(view("3", "u", "a", 3));
        r.observe(view("4", "x", "c", 4));
        assertThat(r.recommend("anyone", millis(5), 3)).containsExactly("b", "a", "c");
        assertThat(r.recommend("anyone", millis(5), 1)).containsExactly("b");
    }

    @Test
    void recentPopularityForgetsOutsideItsWindowAndFillsUpWithAllTime() {
        RecentPopularityRecommender r = new RecentPopularityRecommender(Duration.ofSeconds(10));
        r.observe(view("1", "u", "old", 0));
        r.observe(view("2", "w", "old", 1));
        r.observe(view("3", "u", "new", 20));
        // "old" left the window at second 20 (its events are older than 10 s): "new" leads, "old" fills up.
        assertThat(r.recommend("u", millis(20), 2)).containsExactly("new", "old");
        assertThat(r.recommend("u", millis(20), 1)).containsExactly("new");
    }

    @Test
    void coOccurrenceRecommendsWhatOthersTookWithTheUsersItems() {
        CoOccurrenceRecommender r = new CoOccurrenceRecommender(5);
        for (String user : List.of("a", "b", "c")) {
            r.observe(purchase(user + "1", user, "tent", 1));
            r.observe(purchase(user + "2", user, "stove", 2));
        }
        r.observe(view("d1", "d", "novel", 3));
        r.observe(view("d2", "d", "poem", 4));
        r.observe(view("n1", "newcomer", "tent", 5));
        List<String> list = r.recommend("newcomer", millis(6), 3);
        assertThat(list.get(0)).isEqualTo("stove");
        // Filled up with popularity beyond the neighbourhood.
        assertThat(list).hasSize(3);
        // A user with no items gets popularity alone.
        assertThat(r.recommend("stranger", millis(6), 2)).containsExactly("tent", "stove");
    }

    @Test
    void viewThenPurchaseOfOneItemIsNotAPair() {
        CoOccurrenceRecommender r = new CoOccurrenceRecommender(5);
        r.observe(view("1", "u", "a", 1));
        r.observe(purchase("2", "u", "a", 1));
        r.observe(view("3", "w", "a", 2));
        assertThat(r.recommend("w", millis(3), 5)).containsExactly("a");
    }

    @Test
    void randomIsSeededAndStaysInTheCatalogue() {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            items.add(item("i" + i, "c", 0));
        }
        RandomRecommender one = new RandomRecommender(7);
        RandomRecommender two = new RandomRecommender(7);
        one.addItems(items);
        two.addItems(items);
        List<String> list = one.recommend("u", millis(1), 10);
        assertThat(list).hasSize(10).doesNotHaveDuplicates().allMatch(id -> id.startsWith("i"));
        assertThat(two.recommend("u", millis(1), 10)).isEqualTo(list);
        assertThat(one.recommend("u", millis(1), 500)).hasSize(100).doesNotHaveDuplicates();
    }

    @Test
    void rankedCountsStayInOrderAsTheyChange() {
        RankedCounts counts = new RankedCounts();
        counts.add("a", 1);
        counts.add("b", 2);
        counts.add("c", 3);
        counts.add("a", 5);
        counts.add("c", -3);
        assertThat(counts.top(5)).containsExactly("a", "b");
        assertThat(counts.get("a")).isEqualTo(6);
        assertThat(counts.size()).isEqualTo(2);
    }

    @Test
    void topKKeepsTheBestWithDeterministicTies() {
        TopK top = new TopK(3);
        double[] scores = {0.1, 0.9, 0.5, 0.9, 0.2, 0.5};
        for (int i = 0; i < scores.length; i++) {
            top.offer(i, scores[i]);
        }
        assertThat(top.best()).containsExactly(1, 3, 2);
    }
}
