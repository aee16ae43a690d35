package io.streamrec.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link EvalMain} on a generic events.csv + items.csv folder, read through the tools' DatasetReader. */
class CommandLineTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return EvalMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void evaluatesAGenericCsvFolderWithAGrowingCatalogue(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("shop"));
        // "lamp" enters the catalogue at 1000; its purchase at 900 cannot be scored, the one at 1000 can.
        Files.writeString(data.resolve("items.csv"), """
                item_id,title,description,category,created_at
                tent,Two-person tent,Light tent,outdoor,
                stove,Camping stove,Gas stove,outdoor,
                lamp,Camping lamp,LED lamp,outdoor,1000
                """);
        Files.writeString(data.resolve("events.csv"), """
                user_id,item_id,event_type,timestamp,text
                a,tent,view,100,
                a,stove,purchase,200,
                b,tent,view,300,
                b,stove,purchase,400,
                c,tent,view,500,
                c,lamp,purchase,900,
                d,tent,view,950,
                d,lamp,purchase,1000,
                e,tent,view,1100,
                e,stove,purchase,1200,
                """);
        Path report = dir.resolve("report");
        int code = run("--dataset", data.toString(), "--recommenders", "popularity,cooccurrence",
                "--warm-up", "0", "--held-out", "0.5", "--out", report.toString());

        assertThat(code).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(report.resolve("metrics.json").toFile());
        assertThat(json.get("dataset").asText()).isEqualTo("shop");
        assertThat(json.get("events").asLong()).isEqualTo(10);
        assertThat(json.get("probes").get("skipped_item_not_in_catalogue").asLong()).isEqualTo(1);
        assertThat(json.get("evaluated").asLong()).isEqualTo(4);
        assertThat(out.toString()).contains("| popularity |").contains("| cooccurrence |");
        assertThat(err.toString()).contains("[eval] 10/10 events (100.0%)");
    }

    @Test
    void helpListsTheOptionsAndABadOptionIsAUsageError() throws Exception {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: scripts/eval.sh").contains("--dataset=DIR|synthetic[:N]")
                .contains("--mf-factors=K").contains("Default: 64").contains("After --: options of the job's");

        assertThat(run("--dataset", "d", "--topn", "5")).isEqualTo(2);
        assertThat(err.toString()).contains("error: Unknown options: '--topn'").contains("Possible solutions: --top-n").contains("Usage: scripts/eval.sh");
    }

    @Test
    void limitsTheEvents(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("tiny"));
        Files.writeString(data.resolve("items.csv"), "item_id,title\na,A\nb,B\n");
        Files.writeString(data.resolve("events.csv"), "user_id,item_id,event_type,timestamp,text\n"
                + "u,a,view,1,\nu,b,purchase,2,\nw,a,view,3,\nw,b,purchase,4,\n");
        assertThat(run("--dataset", data.toString(), "--recommenders", "random", "--limit", "2",
                "--out", dir.resolve("r").toString())).isZero();
        assertThat(new ObjectMapper().readTree(dir.resolve("r/metrics.json").toFile()).get("events").asLong()).isEqualTo(2);
    }

    @Test
    void unknownLayoutAndUnknownRecommenderAreClearErrors(@TempDir Path dir) throws Exception {
        assertThat(run("--dataset", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no known dataset").contains("movies.csv + ratings.csv")
                .contains("events.csv + items.csv");

        err.reset();
        assertThat(run("--dataset", dir.toString(), "--recommenders", "modle,popularity")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown recommender(s) [modle]").contains("choose from: model, model-diverse, model-frozen, baseline");
    }

    @Test
    void replaysTheSyntheticShopWithoutFiles(@TempDir Path dir) throws Exception {
        assertThat(run("--dataset", "synthetic:3000", "--recommenders", "popularity,cooccurrence", "--out",
                dir.resolve("r").toString())).isEqualTo(0);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("r/metrics.json").toFile());
        assertThat(json.get("events").asLong()).isEqualTo(3000);
        assertThat(json.get("recommenders").get("cooccurrence").get("tuning").get("probes").asLong()).isPositive();

        err.reset();
        assertThat(run("--dataset", "synthetic:lots", "--recommenders", "random")).isEqualTo(2);
        assertThat(err.toString()).contains("synthetic:N takes a positive number of events");
    }
}
