package io.streamrec.eval;

import io.streamrec.eval.metrics.ReplayResult;
import io.streamrec.eval.report.RunInfo;
import io.streamrec.eval.report.SummaryTable;
import io.streamrec.local.ProgressLine;
import io.streamrec.tools.data.Dataset;
import io.streamrec.tools.data.DatasetReader;
import io.streamrec.tools.data.MalformedDatasetException;
import io.streamrec.tools.data.SyntheticWorkload;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** {@code scripts/eval.sh}: replays a dataset test-then-learn and writes metrics.json and report.md. */
public final class EvalMain {
    private EvalMain() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit code (2 for a usage or dataset error). */
    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (EvalOptions.helpRequested(args)) {
            out.print(EvalOptions.usage());
            return 0;
        }
        RecommenderRegistry registry = RecommenderRegistry.standard();
        EvalOptions options;
        Dataset dataset;
        try {
            options = EvalOptions.parse(args, registry.names());
            registry.requireKnown(options.recommenders());
            dataset = openDataset(options);
        } catch (ParameterException e) {
            err.println("error: " + e.getMessage());
            UnmatchedArgumentException.printSuggestions(e, err);
            err.print(EvalOptions.usage());
            return 2;
        } catch (IllegalArgumentException | MalformedDatasetException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("error: cannot read the dataset: " + e.getMessage());
            return 2;
        }
        String name = datasetName(options.dataset());
        err.printf(Locale.ROOT, "[eval] %s: %,d items, %,d events%s; recommenders %s%n", dataset.description(),
                dataset.items().size(), dataset.eventCount(),
                options.limit() > 0 ? " (evaluating the first " + options.limit() + ")" : "", options.recommenders());
        ProgressLine progress = new ProgressLine(err::println, "[eval]", "events", Duration.ofSeconds(5));
        ReplayResult result = Evaluation.run(name, dataset, options, registry, progress::update);
        RunInfo run = new RunInfo(options.dataset().toString(), options.commit(), command(args), Instant.now(),
                options.limit());
        Evaluation.writeReport(result, run, options.out());
        out.println();
        out.printf(Locale.ROOT, "%s: %,d events, %,d scored (%,d held out) in %.0f s%n", name, result.events(),
                result.counts().scored, result.counts().scoredHeldOut, result.wallSeconds());
        out.print(SummaryTable.markdown(result));
        out.println(SummaryTable.probeLine(result));
        out.println("report: " + options.out().resolve("report.md"));
        return 0;
    }

    /** Default length of the synthetic workload ({@code --dataset synthetic}; {@code synthetic:N} for another). */
    static final long SYNTHETIC_EVENTS = 50_000;

    /**
     * The dataset folder, or the project's synthetic shop with planted tastes for {@code synthetic[:events]}
     * (seeded by {@code --seed}; no files needed).
     */
    static Dataset openDataset(EvalOptions options) throws IOException {
        String name = options.dataset().toString();
        if (name.equals("synthetic") || name.startsWith("synthetic:")) {
            long events = SYNTHETIC_EVENTS;
            if (name.startsWith("synthetic:")) {
                try {
                    events = Long.parseLong(name.substring("synthetic:".length()));
                } catch (NumberFormatException e) {
                    events = -1;
                }
                if (events <= 0) {
                    throw new IllegalArgumentException("--dataset synthetic:N takes a positive number of events, got " + name);
                }
            }
            return new SyntheticWorkload(options.seed()).asDataset(events);
        }
        return DatasetReader.open(options.dataset());
    }

    static String datasetName(Path dataset) {
        if (dataset.toString().matches("synthetic(:.*)?")) {
            return "synthetic";
        }
        Path name = dataset.toAbsolutePath().normalize().getFileName();
        return name == null ? "dataset" : name.toString();
    }

    /** The command as a reader would type it (the script adds --commit itself). */
    private static String command(String[] args) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--commit")) {
                i++;
            } else if (!args[i].startsWith("--commit=")) {
                shown.add(args[i]);
            }
        }
        return "scripts/eval.sh " + String.join(" ", shown);
    }
}
