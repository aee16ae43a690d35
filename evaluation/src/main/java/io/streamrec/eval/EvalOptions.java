package io.streamrec.eval;

import io.streamrec.config.JobConfig;
import io.streamrec.config.RecommendOptions;
import io.streamrec.eval.protocol.ReplaySettings;
import io.streamrec.eval.recommenders.OnlineMatrixFactorisation;
import io.streamrec.local.CommandLines;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

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

    /** Job options the replay sets itself: a recommendation on every probe, lists as deep as it asks. */
    static final Set<String> SET_BY_THE_REPLAY = Set.of(RecommendOptions.MIN_INTERVAL.key(), RecommendOptions.TOP_N.key());

    /**
     * Parses the command line: the evaluation's options before {@code --} ({@link EvalArguments}), the job's
     * after it. A malformed option is a picocli {@link ParameterException}, a value out of range an
     * {@link IllegalArgumentException}; both before any data is loaded.
     */
    public static EvalOptions parse(String[] args, List<String> allRecommenders) {
        EvalArguments arguments = new EvalArguments();
        CommandLine cl = CommandLines.of(arguments);
        cl.parseArgs(ownArgs(args));
        return arguments.toOptions(allRecommenders, jobArgs(args));
    }

    /** The generated usage: every option with its description and default. */
    static String usage() {
        return CommandLines.of(new EvalArguments()).getUsageMessage();
    }

    /** Whether the evaluation's own arguments ask for the usage. */
    static boolean helpRequested(String[] args) {
        List<String> own = List.of(ownArgs(args));
        return own.contains("--help") || own.contains("-h");
    }

    /** The evaluation's own arguments: those before {@code --}. */
    static String[] ownArgs(String[] args) {
        int split = Arrays.asList(args).indexOf("--");
        return split < 0 ? args : Arrays.copyOf(args, split);
    }

    private static Map<String, String> jobArgs(String[] args) {
        int split = Arrays.asList(args).indexOf("--");
        return split < 0 ? Map.of() : jobOptions(Arrays.copyOfRange(args, split + 1, args.length));
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
