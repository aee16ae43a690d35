package io.streamrec.eval.report;

import io.streamrec.eval.metrics.RecommenderResult;
import io.streamrec.eval.metrics.ReplayResult;
import io.streamrec.eval.metrics.Slice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes {@code report.md}: the table (held-out first), what was replayed, how, and the plots. */
public final class MarkdownReport {
    public static final String FILE = "report.md";

    private MarkdownReport() {}

    public static Path write(ReplayResult result, RunInfo run, List<String> plots, Path dir) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Evaluation: ").append(result.dataset()).append("\n\n");
        md.append("- Dataset: `").append(run.datasetPath()).append("` (").append(result.description()).append(")\n");
        md.append("- Date: ").append(run.finishedAt()).append("; commit: `").append(run.commit()).append("`\n");
        md.append("- Command: `").append(run.command()).append("`\n");
        md.append(String.format(Locale.ROOT, "- Events replayed: %,d%s; wall time %.0f s%n", result.events(),
                run.limit() > 0 ? " (--limit " + run.limit() + ")" : "", result.wallSeconds()));
        md.append("- Split by event time: warm-up (train only) before ").append(time(result.split().warmUpEndsAt()))
                .append(", held out from ").append(time(result.split().heldOutStartsAt()))
                .append("; settings may be tuned on the slice in between only.\n\n");
        md.append("## Held-out results\n\n");
        md.append(SummaryTable.markdown(result)).append('\n');
        md.append(SummaryTable.probeLine(result)).append(".\n\n");
        md.append("Columns: HR, NDCG and MRR over the served top-").append(result.topN())
                .append(" on the held-out part; coverage = distinct items served there / catalogue size; ")
                .append("cold-start and new-user columns are held-out probes only; events/s = events replayed / ")
                .append("the recommender's own time (catalogue, probes, learning).\n\n");
        md.append(poolRecallTable(result));
        md.append("## Probes\n\n| | count |\n|---|---:|\n");
        for (Map.Entry<String, Object> e : result.counts().asMap().entrySet()) {
            md.append("| ").append(e.getKey()).append(" | ").append(String.format(Locale.ROOT, "%,d", (Long) e.getValue()))
                    .append(" |\n");
        }
        md.append("\nSlices: ");
        for (Slice s : Slice.values()) {
            md.append('`').append(s.key).append("` = ").append(s.description).append("; ");
        }
        md.setLength(md.length() - 2);
        md.append(".\n\n## Plots\n\n");
        for (String plot : plots) {
            md.append("![").append(plot).append("](").append(plot).append(")\n\n");
        }
        Path file = dir.resolve(FILE);
        Files.writeString(file, md.toString());
        return file;
    }

    /**
     * For recommenders with a candidate pool: the share of probes whose item the pool held at all, by source;
     * a ranker cannot place what retrieval never offered.
     */
    static String poolRecallTable(ReplayResult result) {
        StringBuilder md = new StringBuilder();
        for (RecommenderResult r : result.recommenders()) {
            for (Slice slice : List.of(Slice.HELD_OUT, Slice.TUNING, Slice.COLD_START)) {
                Map<String, Double> recall = r.poolRecall(slice);
                if (recall.isEmpty()) {
                    continue;
                }
                if (md.isEmpty()) {
                    md.append("## Candidate pool recall\n\nShare of probes whose item was among the candidates the ranker ")
                            .append("scored, by where the candidates came from (an item may come from several).\n\n")
                            .append("| recommender | slice | any | text-nearest | co-occurring | trending |\n")
                            .append("|---|---|---:|---:|---:|---:|\n");
                }
                md.append("| ").append(r.name()).append(" | ").append(slice.key);
                for (String source : List.of(RecommenderResult.ANY_SOURCE, "text-nearest", "co-occurring", "trending")) {
                    md.append(String.format(Locale.ROOT, " | %.4f", recall.getOrDefault(source, 0.0)));
                }
                md.append(" |\n");
            }
        }
        return md.isEmpty() ? "" : md.append('\n').toString();
    }

    private static String time(long millis) {
        return millis == Long.MAX_VALUE ? "the end" : Instant.ofEpochMilli(millis).toString();
    }
}
