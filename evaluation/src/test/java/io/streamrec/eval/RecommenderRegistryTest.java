package io.streamrec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.eval.recommenders.OnlineMatrixFactorisation;
import io.streamrec.eval.recommenders.Recommender;
import io.streamrec.eval.recommenders.RecommenderContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

class RecommenderRegistryTest {

    @Test
    void knowsTheJobsRecommenderAndTheBaselines() {
        assertThat(RecommenderRegistry.standard().names())
                .contains("model", "baseline", "popularity", "recent-popularity", "cooccurrence", "text", "random");
    }

    @Test
    void unknownNamesFailWithTheChoices() {
        RecommenderRegistry registry = RecommenderRegistry.standard();
        assertThatThrownBy(() -> registry.requireKnown(List.of("popularity", "magic")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[magic]")
                .hasMessageContaining("choose from: model, model-diverse, model-frozen, baseline, ")
                .hasMessageContaining("random");
        assertThatThrownBy(() -> registry.requireKnown(List.of())).hasMessageContaining("choose from");
    }

    @Test
    void optionsAreCheckedUpFront() {
        List<String> all = RecommenderRegistry.standard().names();
        assertThatThrownBy(() -> EvalOptions.parse(new String[] {"--dataset", "d", "--topn", "5"}, all))
                .isInstanceOf(ParameterException.class).hasMessageContaining("Unknown options: '--topn'");
        assertThatThrownBy(() -> EvalOptions.parse(new String[] {"--limit", "5"}, all))
                .isInstanceOf(ParameterException.class).hasMessageContaining("Missing required option: '--dataset");
        assertThatThrownBy(() -> EvalOptions.parse(new String[] {"--dataset", "d", "--limit", "lots"}, all))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--limit").hasMessageContaining("'lots'");
        assertThatThrownBy(() -> EvalOptions.parse(new String[] {"--dataset", "d", "--top-n", "0"}, all))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--top-n must be at least 1, got 0");
        assertThatThrownBy(() -> EvalOptions.parse(new String[] {"--dataset", "d", "--held-out", "0.95"}, all))
                .hasMessageContaining("warm-up + held-out <= 1");

        EvalOptions options = EvalOptions.parse(new String[] {"--dataset", "/data/ml-latest-small",
                "--recommenders", "baseline, popularity", "--top-n", "20", "--limit", "1000"}, all);
        assertThat(options.recommenders()).containsExactly("baseline", "popularity");
        assertThat(options.replay().topN()).isEqualTo(20);
        assertThat(options.replay().depth()).isEqualTo(50);
        assertThat(options.limit()).isEqualTo(1000);
        assertThat(options.out().toString()).isEqualTo(".local/eval/ml-latest-small");
        assertThat(EvalOptions.parse(new String[] {"--dataset", "d"}, all).recommenders()).isEqualTo(all);
    }

    @Test
    void jobOptionsAfterTheSeparatorAreCheckedAndKeptApart() {
        List<String> all = RecommenderRegistry.standard().names();
        EvalOptions options = EvalOptions.parse(new String[] {"--dataset", "d", "--limit", "10", "--",
                "--ranking.candidates.co-occurring", "30", "--recommend.blocked-items=a;b"}, all);
        assertThat(options.limit()).isEqualTo(10);
        assertThat(options.jobOptions()).isEqualTo(
                Map.of("ranking.candidates.co-occurring", "30", "recommend.blocked-items", "a;b"));
        assertThat(EvalOptions.parse(new String[] {"--dataset", "d"}, all).jobOptions()).isEmpty();

        assertThatThrownBy(() -> EvalOptions.parse(new String[] {"--dataset", "d", "--", "--ranking.magic", "1"}, all))
                .hasMessageContaining("Unknown option(s) [ranking.magic]");
        assertThatThrownBy(() -> EvalOptions.parse(new String[] {"--dataset", "d", "--", "--recommend.top-n", "5"}, all))
                .hasMessageContaining("[recommend.top-n] are set by the replay");
        // Before the separator a job option is not an evaluation option.
        assertThatThrownBy(() -> EvalOptions.parse(new String[] {"--dataset", "d", "--ranking.index", "EXACT"}, all))
                .isInstanceOf(ParameterException.class).hasMessageContaining("Unknown options: '--ranking.index'");
    }

    @Test
    void jobOptionsReachTheJobsRecommender() throws Exception {
        RecommenderContext context = new RecommenderContext(20, Duration.ofDays(7), 20, Duration.ofDays(30),
                OnlineMatrixFactorisation.Settings.defaults(), 42L, () -> {
            throw new AssertionError("the baseline needs no text encoder");
        }, Map.of("recommend.blocked-items", "stove"));
        List<Recommender> opened = RecommenderRegistry.standard().open(List.of("baseline"), context);
        try (Recommender baseline = opened.get(0)) {
            baseline.addItems(List.of(Fixtures.item("tent", "outdoor", 0), Fixtures.item("stove", "outdoor", 0),
                    Fixtures.item("lamp", "outdoor", 0)));
            baseline.observe(Fixtures.purchase("p1", "a", "tent", 1));
            baseline.observe(Fixtures.purchase("p2", "a", "stove", 2));
            baseline.observe(Fixtures.purchase("p3", "a", "lamp", 3));
            baseline.observe(Fixtures.view("v", "u", "tent", 4));
            // Both co-occur with the tent, so without the option both are served; blocked, "stove" is not.
            assertThat(baseline.recommend("u", Fixtures.millis(5), 5)).contains("lamp").doesNotContain("stove");
        }
    }
}
