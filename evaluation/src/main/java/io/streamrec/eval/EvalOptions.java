package io.streamrec.eval;

import io.streamrec.config.JobConfig;
import io.streamrec.config.RecommendOptions;
import io.streamrec.eval.protocol.ReplaySettings;
import io.streamrec.eval.protocol.TimelineSplit;
import io.streamrec.eval.recommenders.OnlineMatrixFactorisation;
import io.streamrec.eval.recommenders.RecommenderContext;
import io.streamrec.local.CommandLine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of {@link EvalMain}.
 *
 * @param limit evaluate only the first {@code limit} events (0: all)
 * @param jobOptions options of the job's recommenders (those after {@code --}), over the recommenders' defaults
 */
public record EvalOptions(
        Path dataset,
        List<String> recommenders,
        long limit,
        Path out,
        ReplaySettings replay,
        Duration recentWindow,
        int coOccurrenceWindow,
        Duration popularityHalfLife,
        OnlineMatrixFactorisation.Settings onlineMf,
        long seed,
        String textModel,
        int textThreads,
        String commit,
        Map<String, String> jobOptions) {

    static final String USAGE = """
            usage: scripts/eval.sh --dataset DIR [--recommenders a,b,...] [--limit N] [--out DIR] [--top-n 10]
                   [--warm-up 0.6] [--held-out 0.2] [--recent-days 7] [--cooccurrence-window 20] [--seed 42]
                   [--popularity-half-life-days 365] [--mf-factors 64] [--mf-learning-rate 0.05]
                   [--mf-regularisation 0.01] [--mf-negatives 64]
                   [--text-model all-minilm-l6-v2-q] [--text-threads 2] [--max-candidates 1000]
                   [-- --job.option value ...]   (options of the job's recommenders, e.g. -- --ranking.index EXACT)""";

    /** Job options the replay sets itself: a recommendation on every probe, lists as deep as it asks. */
    static final Set<String> SET_BY_THE_REPLAY = Set.of(RecommendOptions.MIN_INTERVAL.key(), RecommendOptions.TOP_N.key());

    private static final Set<String> KNOWN = Set.of("dataset", "recommenders", "limit", "out", "top-n", "warm-up",
            "held-out", "recent-days", "cooccurrence-window", "seed", "popularity-half-life-days", "mf-factors",
            "mf-learning-rate", "mf-regularisation", "mf-negatives", "text-model", "text-threads", "max-candidates",
            "commit");

    public static EvalOptions parse(String[] args, List<String> allRecommenders) {
        int split = Arrays.asList(args).indexOf("--");
        Map<String, String> jobOptions = split < 0 ? Map.of()
                : jobOptions(Arrays.copyOfRange(args, split + 1, args.length));
        CommandLine cl = CommandLine.parse(Arrays.asList(split < 0 ? args : Arrays.copyOf(args, split)));
        List<String> unknown = cl.asMap().keySet().stream().filter(k -> !KNOWN.contains(k)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + unknown.stream().map(k -> "--" + k).toList()
                    + "\n" + USAGE);
        }
        if (!cl.has("dataset")) {
            throw new IllegalArgumentException("--dataset is required\n" + USAGE);
        }
        Path dataset = Path.of(cl.get("dataset", ""));
        List<String> recommenders = cl.has("recommenders")
                ? Arrays.stream(cl.get("recommenders", "").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()
                : allRecommenders;
        long limit = cl.getLong("limit", 0);
        if (limit < 0) {
            throw new IllegalArgumentException("--limit must not be negative, got " + limit);
        }
        int topN = cl.getInt("top-n", 10);
        if (topN < 1) {
            throw new IllegalArgumentException("--top-n must be at least 1, got " + topN);
        }
        ReplaySettings defaults = ReplaySettings.defaults(topN);
        int maxCandidates = cl.getInt("max-candidates", defaults.maxCandidates());
        ReplaySettings replay = new ReplaySettings(topN, defaults.depth(), maxCandidates,
                cl.getDouble("warm-up", 0.6), cl.getDouble("held-out", 0.2),
                defaults.coldStartInteractions(), defaults.newUserEvents());
        // Checks the fractions now rather than after loading the data.
        TimelineSplit.of(List.of(), replay.warmUpFraction(), replay.heldOutFraction());
        Path name = dataset.toAbsolutePath().normalize().getFileName();
        Path out = Path.of(cl.get("out", Path.of(".local", "eval", name == null ? "dataset" : name.toString()).toString()));
        double recentDays = cl.getDouble("recent-days", 7);
        if (recentDays <= 0) {
            throw new IllegalArgumentException("--recent-days must be positive, got " + recentDays);
        }
        double halfLifeDays = cl.getDouble("popularity-half-life-days",
                RecommenderContext.DEFAULT_POPULARITY_HALF_LIFE.toMillis() / 86_400_000.0);
        if (halfLifeDays <= 0) {
            throw new IllegalArgumentException("--popularity-half-life-days must be positive, got " + halfLifeDays);
        }
        OnlineMatrixFactorisation.Settings mfDefaults = OnlineMatrixFactorisation.Settings.defaults();
        OnlineMatrixFactorisation.Settings mf = new OnlineMatrixFactorisation.Settings(
                cl.getInt("mf-factors", mfDefaults.factors()), cl.getDouble("mf-learning-rate", mfDefaults.learningRate()),
                cl.getDouble("mf-regularisation", mfDefaults.regularisation()),
                cl.getInt("mf-negatives", mfDefaults.negatives()));
        return new EvalOptions(dataset, recommenders, limit, out, replay,
                Duration.ofMillis(Math.round(recentDays * 86_400_000L)), cl.getInt("cooccurrence-window", 20),
                Duration.ofMillis(Math.round(halfLifeDays * 86_400_000L)), mf, cl.getLong("seed", 42), cl.get("text-model", "all-minilm-l6-v2-q"), cl.getInt("text-threads", 2),
                cl.get("commit", "unknown"), jobOptions);
    }

    /** The job options after {@code --}, checked now against the job's declared options. */
    private static Map<String, String> jobOptions(String[] args) {
        Map<String, String> options = JobConfig.argsToMap(args);
        List<String> fixed = options.keySet().stream().filter(SET_BY_THE_REPLAY::contains).sorted().toList();
        if (!fixed.isEmpty()) {
            throw new IllegalArgumentException("job option(s) " + fixed + " are set by the replay (a recommendation "
                    + "on every probe, --max-candidates deep); use --top-n for the cut-off that is scored");
        }
        JobConfig.fromMap(options); // an unknown key fails here, before the data is loaded
        return Map.copyOf(options);
    }
}
