package io.streamrec.eval.report;

import io.streamrec.eval.metrics.RecommenderResult;
import io.streamrec.eval.metrics.ReplayResult;
import io.streamrec.eval.metrics.Slice;
import io.streamrec.eval.metrics.SliceMetrics;
import java.util.Locale;

/** The results table (Markdown; also readable as printed text): held-out figures first. */
public final class SummaryTable {
    private SummaryTable() {}

    public static String markdown(ReplayResult result) {
        int n = result.topN();
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "| recommender | HR@%d | NDCG@%d | MRR | coverage | cold-start HR@%d "
                + "| new-user HR@%d | tuning NDCG@%d | events/s |%n", n, n, n, n, n));
        t.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (RecommenderResult r : result.recommenders()) {
            SliceMetrics held = r.slice(Slice.HELD_OUT);
            t.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %,.0f |%n",
                    r.name(), held.hitRate(n), held.ndcg(), held.mrr(), held.coverage(),
                    r.slice(Slice.COLD_START).hitRate(n), r.slice(Slice.NEW_USERS).hitRate(n),
                    r.slice(Slice.TUNING).ndcg(), r.throughput(result.events())));
        }
        return t.toString();
    }

    /** How many probes each column rests on. */
    public static String probeLine(ReplayResult result) {
        RecommenderResult any = result.recommenders().isEmpty() ? null : result.recommenders().get(0);
        if (any == null) {
            return "no recommenders";
        }
        return String.format(Locale.ROOT, "probes: held out %,d (cold-start %,d, new users %,d), tuning %,d",
                any.slice(Slice.HELD_OUT).probes(), any.slice(Slice.COLD_START).probes(),
                any.slice(Slice.NEW_USERS).probes(), any.slice(Slice.TUNING).probes());
    }
}
