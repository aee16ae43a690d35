package io.streamrec.eval.recommenders;

import static io.streamrec.eval.Fixtures.item;
import static io.streamrec.eval.Fixtures.millis;
import static io.streamrec.eval.Fixtures.purchase;
import static io.streamrec.eval.Fixtures.view;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.job.Settings;
import io.streamrec.recommenders.BaselineRecommender;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobRecommenderTest {

    private static JobRecommender<?> baseline() throws Exception {
        return JobRecommender.open("baseline", config -> new BaselineRecommender(Settings.recommender(config), 0, 1),
                JobRecommender.CATALOGUE_UPDATES, Map.of(), 20);
    }

    @Test
    void drivesTheJobsRecommenderAndListsLeaveItUnchanged() throws Exception {
        try (JobRecommender<?> r = baseline()) {
            r.addItems(List.of(item("tent", "outdoor", 0), item("stove", "outdoor", 0), item("novel", "books", 0)));
            int n = 0;
            for (String user : List.of("a", "b", "c")) {
                r.observe(purchase("p" + n++, user, "tent", n));
                r.observe(purchase("p" + n++, user, "stove", n));
            }
            r.observe(view("x", "newcomer", "tent", 10));

            List<String> first = r.recommend("newcomer", millis(11), 5);
            assertThat(first).first().isEqualTo("stove");
            assertThat(r.candidateSourcesOf("stove")).as("the baseline has no candidate pool to report").isNull();
            // Probing again (and probing others) changes nothing: same list.
            r.recommend("a", millis(11), 5);
            assertThat(r.recommend("newcomer", millis(11), 5)).isEqualTo(first);
            assertThat(r.recommend("newcomer", millis(11), 1)).containsExactly("stove");

            // A real event does change what the user is served.
            r.observe(purchase("y", "newcomer", "stove", 12));
            assertThat(r.recommend("newcomer", millis(13), 5)).doesNotContain("stove");
        }
    }

    @Test
    void aProbeDoesNotExcludeTheItemAboutToBeScored() throws Exception {
        try (JobRecommender<?> r = baseline()) {
            r.addItems(List.of(item("tent", "outdoor", 0), item("stove", "outdoor", 0)));
            r.observe(purchase("p1", "a", "tent", 1));
            r.observe(purchase("p2", "a", "stove", 2));
            r.observe(view("v", "u", "tent", 3));
            // The probe names no item, so the recommender cannot drop the target as "the item just viewed".
            assertThat(r.recommend("u", millis(4), 5)).contains("stove");
        }
    }
}
