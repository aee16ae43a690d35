package io.streamrec.eval;

import io.streamrec.avro.UserEvent;
import io.streamrec.eval.metrics.ReplayResult;
import io.streamrec.eval.protocol.ProgressListener;
import io.streamrec.eval.protocol.Replay;
import io.streamrec.eval.recommenders.CachingTextEncoder;
import io.streamrec.eval.recommenders.OnnxTextEncoder;
import io.streamrec.eval.recommenders.Recommender;
import io.streamrec.eval.recommenders.RecommenderContext;
import io.streamrec.eval.recommenders.TextEncoder;
import io.streamrec.eval.report.Charts;
import io.streamrec.eval.report.MarkdownReport;
import io.streamrec.eval.report.MetricsJson;
import io.streamrec.eval.report.RunInfo;
import io.streamrec.tools.data.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/** One evaluation: load the events, open the recommenders, replay, write the report. */
public final class Evaluation {
    private Evaluation() {}

    /** Replays {@code dataset} (its first {@code options.limit()} events) through the named recommenders. */
    public static ReplayResult run(String name, Dataset dataset, EvalOptions options, RecommenderRegistry registry,
            ProgressListener progress) throws Exception {
        List<UserEvent> events = firstEvents(dataset, options.limit());
        SharedEncoder encoder = new SharedEncoder(options);
        try (encoder) {
            List<Recommender> recommenders = registry.open(options.recommenders(), context(options, encoder));
            try {
                return new Replay(options.replay(), recommenders, progress)
                        .run(name, dataset.description(), dataset.items(), events);
            } finally {
                for (Recommender r : recommenders) {
                    r.close();
                }
            }
        }
    }

    /** Writes metrics.json, the plots and report.md into {@code dir}. */
    public static void writeReport(ReplayResult result, RunInfo run, Path dir) throws IOException {
        Files.createDirectories(dir);
        MetricsJson.write(result, run, dir);
        List<String> plots = Charts.write(result, dir);
        MarkdownReport.write(result, run, plots, dir);
    }

    static RecommenderContext context(EvalOptions options, Supplier<TextEncoder> encoder) {
        return new RecommenderContext(options.replay().maxCandidates(), options.recentWindow(),
                options.coOccurrenceWindow(), options.popularityHalfLife(), options.onlineMf(), options.seed(), encoder,
                options.jobOptions());
    }

    private static List<UserEvent> firstEvents(Dataset dataset, long limit) {
        List<UserEvent> events = new ArrayList<>();
        for (Iterator<UserEvent> it = dataset.events(); it.hasNext() && (limit <= 0 || events.size() < limit); ) {
            events.add(it.next());
        }
        return events;
    }

    /**
     * One sentence encoder for every recommender that needs one, opened only when one asks (loading the
     * model takes seconds) and caching vectors, so the catalogue is encoded once per replay.
     */
    private static final class SharedEncoder implements Supplier<TextEncoder>, AutoCloseable {
        private final EvalOptions options;
        private TextEncoder encoder;

        SharedEncoder(EvalOptions options) {
            this.options = options;
        }

        @Override
        public synchronized TextEncoder get() {
            if (encoder == null) {
                encoder = new CachingTextEncoder(OnnxTextEncoder.open(options.textModel(), options.textThreads()));
            }
            return encoder;
        }

        @Override
        public synchronized void close() {
            if (encoder != null) {
                encoder.close();
            }
        }
    }
}
