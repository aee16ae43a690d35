package io.streamrec.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamrec.eval.metrics.ReplayResult;
import io.streamrec.eval.protocol.ProgressListener;
import io.streamrec.eval.report.RunInfo;
import io.streamrec.tools.data.SyntheticWorkload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole evaluation on a small synthetic workload: the job's operator, two baselines, the report. */
class EndToEndTest {

    @Test
    void replaysAndWritesASaneReport(@TempDir Path out) throws Exception {
        String[] args = {"--dataset", "synthetic", "--recommenders", "baseline,popularity,random", "--out", out.toString()};
        EvalOptions options = EvalOptions.parse(args, RecommenderRegistry.standard().names());
        SyntheticWorkload workload = new SyntheticWorkload(7);
        ReplayResult result = Evaluation.run("synthetic", workload.asDataset(15_000), options,
                RecommenderRegistry.standard(), ProgressListener.NONE);
        Evaluation.writeReport(result, new RunInfo("synthetic", "test", "test", Instant.now(), 0), out);

        JsonNode json = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertThat(json.get("dataset").asText()).isEqualTo("synthetic");
        assertThat(json.get("events").asLong()).isEqualTo(15_000);
        assertThat(json.get("evaluated").asLong()).isPositive();
        for (String name : List.of("baseline", "popularity", "random")) {
            JsonNode r = json.get("recommenders").get(name);
            for (String slice : List.of("heldout", "cold_start", "new_users", "tuning", "tuning_cold_start")) {
                for (String metric : List.of("hr@10", "ndcg@10", "mrr", "coverage")) {
                    assertThat(r.get(slice).get(metric).asDouble()).as(name + " " + slice + " " + metric).isBetween(0.0, 1.0);
                }
            }
            assertThat(json.get("throughput_events_per_s").get(name).asDouble()).isPositive();
            assertThat(json.get("heldout_hr_at_k").get(name)).hasSize(50);
        }
        JsonNode held = json.get("recommenders").get("baseline").get("heldout");
        assertThat(held.get("probes").asLong()).isGreaterThan(30);
        double baselineHr = held.get("hr@10").asDouble();
        double randomHr = json.get("recommenders").get("random").get("heldout").get("hr@10").asDouble();
        assertThat(baselineHr).isGreaterThan(randomHr);
        assertThat(held.get("ndcg@10").asDouble()).isLessThanOrEqualTo(baselineHr);
        assertThat(held.get("mrr").asDouble()).isLessThanOrEqualTo(baselineHr);
        // Popularity serves (nearly) one list to everyone; random serves much of the catalogue.
        assertThat(json.get("recommenders").get("popularity").get("heldout").get("coverage").asDouble())
                .isLessThan(json.get("recommenders").get("random").get("heldout").get("coverage").asDouble());

        String report = Files.readString(out.resolve("report.md"));
        assertThat(report).contains("| recommender | HR@10 | NDCG@10 |").contains("| baseline |")
                .contains("![ndcg-over-time.png](ndcg-over-time.png)");
        for (String png : List.of("ndcg-over-time.png", "hr-at-k.png", "cold-start.png")) {
            assertThat(Files.size(out.resolve(png))).as(png).isGreaterThan(1000);
        }
    }
}
