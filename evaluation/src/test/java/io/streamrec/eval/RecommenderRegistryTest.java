package io.streamrec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

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
                .hasMessageContaining("choose from: model, baseline, ")
                .hasMessageContaining("random");
        assertThatThrownBy(() -> registry.requireKnown(List.of())).hasMessageContaining("choose from");
    }

    @Test
    void optionsAreCheckedUpFront() {
        List<String> all = RecommenderRegistry.standard().names();
        assertThatThrownBy(() -> EvalOptions.parse(new String[] {"--dataset", "d", "--topn", "5"}, all))
                .hasMessageContaining("unknown option(s) [--topn]").hasMessageContaining("usage:");
        assertThatThrownBy(() -> EvalOptions.parse(new String[] {"--limit", "5"}, all))
                .hasMessageContaining("--dataset is required");
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
}
