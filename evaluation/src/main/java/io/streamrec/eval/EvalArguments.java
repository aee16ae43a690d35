package io.streamrec.eval;

import io.streamrec.eval.protocol.ReplaySettings;
import io.streamrec.eval.protocol.TimelineSplit;
import io.streamrec.eval.recommenders.OnlineMatrixFactorisation;
import io.streamrec.eval.recommenders.RecommenderContext;
import io.streamrec.local.HelpOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The evaluation's own options (those before {@code --}), as picocli parses them; see {@link EvalOptions}. */
@Command(name = "scripts/eval.sh", showDefaultValues = true, sortOptions = false,
        description = "Replays a dataset in time order, test-then-learn, through the job's recommenders and the "
                + "baselines; writes metrics.json, report.md and plots.",
        footer = {"", "After --: options of the job's recommenders (model, baseline), e.g. -- --ranking.index EXACT."})
final class EvalArguments {
    private static final OnlineMatrixFactorisation.Settings MF = OnlineMatrixFactorisation.Settings.defaults();

    @Mixin
    HelpOption help;

    @Option(names = "--dataset", required = true, paramLabel = "DIR|synthetic[:N]",
            description = "MovieLens latest, MovieLens 100K, an events.csv + items.csv folder, or the synthetic "
                    + "shop (N events, default 50000).")
    Path dataset;

    @Option(names = "--recommenders", paramLabel = "NAME", split = ",",
            description = "Recommenders to evaluate, comma-separated (default: all).")
    List<String> recommenders;

    @Option(names = "--limit", paramLabel = "N", description = "Evaluate only the first N events; 0 = all.")
    long limit = 0;

    @Option(names = "--out", paramLabel = "DIR", description = "Report folder (default: .local/eval/<dataset>).")
    Path out;

    @Option(names = "--top-n", paramLabel = "N", description = "Cut-off of the scored lists.")
    int topN = 10;

    @Option(names = "--warm-up", paramLabel = "F", description = "Share of the timeline replayed before scoring "
            + "(train only); the tuning slice runs from there to the held-out part.")
    double warmUp = 0.6;

    @Option(names = "--held-out", paramLabel = "F", description = "Share of the timeline held out at the end.")
    double heldOut = 0.2;

    @Option(names = "--recent-days", paramLabel = "D", description = "Window of recent-popularity.")
    double recentDays = 7;

    @Option(names = "--cooccurrence-window", paramLabel = "N", description = "Events of a user paired by cooccurrence.")
    int coOccurrenceWindow = 20;

    @Option(names = "--popularity-half-life-days", paramLabel = "D", description = "Half-life of decayed-popularity.")
    double popularityHalfLifeDays = RecommenderContext.DEFAULT_POPULARITY_HALF_LIFE.toMillis() / 86_400_000.0;

    @Option(names = "--mf-factors", paramLabel = "K", description = "Factors of online-mf.")
    int mfFactors = MF.factors();

    @Option(names = "--mf-learning-rate", paramLabel = "R", description = "Learning rate of online-mf.")
    double mfLearningRate = MF.learningRate();

    @Option(names = "--mf-regularisation", paramLabel = "L", description = "L2 regularisation of online-mf.")
    double mfRegularisation = MF.regularisation();

    @Option(names = "--mf-negatives", paramLabel = "N", description = "Sampled negatives per positive of online-mf.")
    int mfNegatives = MF.negatives();

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the random recommenders and the synthetic shop.")
    long seed = 42;

    @Option(names = "--text-model", paramLabel = "NAME", description = "Encoder model of the text recommender.")
    String textModel = "all-minilm-l6-v2-q";

    @Option(names = "--text-threads", paramLabel = "N", description = "Encoder threads of the text recommender.")
    int textThreads = 2;

    @Option(names = "--max-candidates", paramLabel = "N",
            description = "Depth of the lists asked from each recommender (default: the larger of 1000 and --top-n).")
    Integer maxCandidates;

    /** Set by scripts/eval.sh: the commit the report names. */
    @Option(names = "--commit", hidden = true)
    String commit = "unknown";

    EvalOptions toOptions(List<String> allRecommenders, Map<String, String> jobOptions) {
        List<String> chosen = recommenders == null ? allRecommenders
                : recommenders.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        requireAtLeast("--limit", limit, 0);
        requireAtLeast("--top-n", topN, 1);
        ReplaySettings defaults = ReplaySettings.defaults(topN);
        ReplaySettings replay = new ReplaySettings(topN, defaults.depth(),
                maxCandidates == null ? defaults.maxCandidates() : maxCandidates, warmUp, heldOut,
                defaults.coldStartInteractions(), defaults.newUserEvents());
        // Checks the fractions now rather than after loading the data.
        TimelineSplit.of(List.of(), replay.warmUpFraction(), replay.heldOutFraction());
        requirePositive("--recent-days", recentDays);
        requirePositive("--popularity-half-life-days", popularityHalfLifeDays);
        Path name = dataset.toAbsolutePath().normalize().getFileName();
        Path reportDir = out != null ? out : Path.of(".local", "eval", name == null ? "dataset" : name.toString());
        return new EvalOptions(dataset, chosen, limit, reportDir, replay, days(recentDays), coOccurrenceWindow,
                days(popularityHalfLifeDays),
                new OnlineMatrixFactorisation.Settings(mfFactors, mfLearningRate, mfRegularisation, mfNegatives),
                seed, textModel, textThreads, commit, jobOptions);
    }

    private static Duration days(double days) {
        return Duration.ofMillis(Math.round(days * 86_400_000L));
    }

    private static void requireAtLeast(String option, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(option + (min == 0 ? " must not be negative" : " must be at least " + min)
                    + ", got " + value);
        }
    }

    private static void requirePositive(String option, double value) {
        if (value <= 0) {
            throw new IllegalArgumentException(option + " must be positive, got " + value);
        }
    }
}
