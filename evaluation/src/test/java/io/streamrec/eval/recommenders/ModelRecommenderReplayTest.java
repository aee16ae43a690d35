package io.streamrec.eval.recommenders;

import static io.streamrec.eval.Fixtures.item;
import static io.streamrec.eval.Fixtures.millis;
import static io.streamrec.eval.Fixtures.purchase;
import static io.streamrec.eval.Fixtures.view;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.Item;
import io.streamrec.job.Settings;
import io.streamrec.recommenders.ModelRecommender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The job's model recommender through the same adapter, with a stand-in encoder instead of ONNX. */
class ModelRecommenderReplayTest {

    @Test
    void theModelRunsOnItsCoreAndListsLeaveItUnchanged() throws Exception {
        TextSimilarityRecommenderTest.CategoryEncoder encoder = new TextSimilarityRecommenderTest.CategoryEncoder();
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            items.add(item("boots" + i, "hiking", 0));
            items.add(item("pan" + i, "kitchen", 0));
        }
        try (JobRecommender<?> model = JobRecommender.open("model",
                config -> new ModelRecommender(Settings.model(config), null, 0, 1), new ModelUpstream(encoder),
                Map.of("learning.batch-size", "2", "ranking.max-per-category", "0"), 20)) {
            model.addItems(items);
            assertThat(encoder.batches).hasSize(1);
            long t = 1;
            for (String user : List.of("a", "b", "c")) {
                model.observe(view("v" + t, user, "boots0", t++));
                model.observe(purchase("p" + t, user, "boots1", t++));
            }
            model.observe(view("n", "hiker", "boots2", t++));

            List<String> first = model.recommend("hiker", millis(t), 5);
            assertThat(first).isNotEmpty();
            assertThat(first.get(0)).startsWith("boots");
            // Every listed item came from the pool, which says where from; an item outside the catalogue is in none.
            assertThat(model.candidateSourcesOf(first.get(0))).isNotEmpty()
                    .isSubsetOf("text-nearest", "co-occurring", "trending");
            assertThat(model.candidateSourcesOf("no-such-item")).isEmpty();
            model.recommend("a", millis(t), 5);
            assertThat(model.recommend("hiker", millis(t), 5)).isEqualTo(first);
        }
    }
}
