package io.streamrec.eval.recommenders;

import static io.streamrec.eval.Fixtures.item;
import static io.streamrec.eval.Fixtures.millis;
import static io.streamrec.eval.Fixtures.view;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextSimilarityRecommenderTest {
    /** Stands in for the sentence encoder: one axis per category word, so similar texts share an axis. */
    static final class CategoryEncoder implements TextEncoder {
        final List<List<String>> batches = new ArrayList<>();

        @Override
        public float[][] encode(List<String> texts) {
            batches.add(texts);
            float[][] out = new float[texts.size()][];
            for (int i = 0; i < texts.size(); i++) {
                String t = texts.get(i);
                out[i] = new float[] {t.contains("hiking") ? 1 : 0, t.contains("kitchen") ? 1 : 0, t.contains("jazz") ? 1 : 0};
            }
            return out;
        }
    }

    @Test
    void ranksItemsBySimilarityToTheUsersItems() {
        CategoryEncoder encoder = new CategoryEncoder();
        TextSimilarityRecommender r = new TextSimilarityRecommender(encoder);
        r.addItems(List.of(item("boots", "hiking", 0), item("pan", "kitchen", 0), item("tent", "hiking", 0),
                item("record", "jazz", 0)));
        assertThat(r.recommend("u", millis(1), 4)).as("no history, no text to go on").isEmpty();

        r.observe(view("1", "u", "boots", 1));
        List<String> list = r.recommend("u", millis(2), 4);
        assertThat(list.subList(0, 2)).containsExactlyInAnyOrder("boots", "tent");
        // One batch for the whole catalogue.
        assertThat(encoder.batches).hasSize(1);
    }
}
