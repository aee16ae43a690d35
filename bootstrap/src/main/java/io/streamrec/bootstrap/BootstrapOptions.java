package io.streamrec.bootstrap;

import io.streamrec.config.JobConfig;
import io.streamrec.local.CommandLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The bootstrap's command line: its own options before {@code --}, the job's options after it (the same the
 * streaming job will run with). Every check that needs no broker and no job is made here, with a message that
 * says what to do.
 */
record BootstrapOptions(Path dataset, Path out, long limit, EventTime eventTime, Path workDir, boolean keepWork,
        Duration progressInterval, Map<String, String> jobOptions) {

    /** Which times the history carries into the savepoint. */
    enum EventTime {
        /** Moved by one offset so that the last event is at the start of the bootstrap. */
        SHIFTED,
        /** As in the dataset. */
        ORIGINAL
    }

    /** The bootstrap's own options, as picocli reads them; {@link #parse} checks them. */
    @Command(name = "scripts/bootstrap.sh", showDefaultValues = true, sortOptions = false,
            customSynopsis = "scripts/bootstrap.sh --dataset DIR --out DIR [options] [-- JOB OPTIONS...]",
            footer = {"", "-- JOB OPTIONS: the options the streaming job will run with (recommender, learning, ranking,",
                    "parallelism ...); its Kafka, topic, checkpoint-folder and metrics-reporter options are replaced",
                    "for the replay (docs/deploy.md#starting-warm-from-history)."})
    static final class Arguments {
        @Option(names = "--dataset", paramLabel = "DIR", description = {"The history: MovieLens latest (movies.csv + "
                + "ratings.csv), MovieLens 100K (u.data + u.item) or events.csv + items.csv (docs/datasets.md)."})
        Path dataset;

        @Option(names = "--out", paramLabel = "DIR",
                description = "Where the savepoint is written; must not exist or be empty.")
        Path out;

        @Option(names = "--limit", paramLabel = "N", description = "Replay only the first N events (0: all).")
        long limit = 0;

        @Option(names = "--event-time", paramLabel = "shifted|original", description = {"shifted: every time moved so "
                + "that the last event is now, so the history's decayed statistics and profiles are fresh when live "
                + "events come; original: the dataset's own times."})
        String eventTime = "shifted";

        @Option(names = "--work", paramLabel = "DIR", description = "Folder for the local broker and the raw "
                + "savepoint (default: a temporary folder, deleted at the end).")
        Path work;

        @Option(names = "--keep-work", description = "Keep the work folder (broker log, raw savepoint).")
        boolean keepWork;

        @Option(names = "--progress-interval", paramLabel = "S", description = "Seconds between progress lines.")
        long progressInterval = 5;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "This help.")
        boolean help;
    }

    /** The generated usage: every option with its description and default. */
    static String usage() {
        return CommandLines.of(new Arguments()).getUsageMessage();
    }

    /**
     * Parses and checks {@code args}.
     *
     * @throws IllegalArgumentException with the reason, for a missing or wrong option, a dataset folder that is not
     *     there, an existing non-empty {@code --out} or an unknown job option
     */
    static BootstrapOptions parse(String[] args) {
        int split = Arrays.asList(args).indexOf("--");
        List<String> own = List.of(split < 0 ? args : Arrays.copyOf(args, split));
        String[] job = split < 0 ? new String[0] : Arrays.copyOfRange(args, split + 1, args.length);
        Arguments cli = new Arguments();
        try {
            CommandLines.of(cli).parseArgs(own.toArray(String[]::new));
        } catch (CommandLine.UnmatchedArgumentException e) {
            throw new IllegalArgumentException("unknown option(s) " + e.getUnmatched() + " (job options go after --)", e);
        } catch (ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (cli.dataset == null || cli.dataset.toString().isBlank()) {
            throw new IllegalArgumentException("--dataset DIR is required: the folder of the history to start from");
        }
        if (cli.out == null || cli.out.toString().isBlank()) {
            throw new IllegalArgumentException("--out DIR is required: the folder the savepoint is written to");
        }
        Path dataset = cli.dataset.toAbsolutePath().normalize();
        if (!Files.isDirectory(dataset)) {
            throw new IllegalArgumentException("--dataset " + dataset + " does not exist or is not a folder");
        }
        Path out = cli.out.toAbsolutePath().normalize();
        requireEmptyOrAbsent(out);
        if (cli.limit < 0) {
            throw new IllegalArgumentException("--limit must be 0 (all events) or positive, got " + cli.limit);
        }
        EventTime eventTime;
        try {
            eventTime = EventTime.valueOf(cli.eventTime.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--event-time expects shifted or original, got '" + cli.eventTime + "'");
        }
        Path work = cli.work == null ? null : cli.work.toAbsolutePath().normalize();
        if (work != null) {
            requireEmptyOrAbsent(work);
            if (out.startsWith(work) || work.startsWith(out)) {
                throw new IllegalArgumentException("--work " + work + " and --out " + out + " must not contain each other");
            }
        }
        if (cli.progressInterval < 1) {
            throw new IllegalArgumentException("--progress-interval must be at least 1 (seconds), got " + cli.progressInterval);
        }
        Map<String, String> jobOptions = JobConfig.argsToMap(job);
        JobConfig.fromMap(jobOptions); // unknown product options are refused with the list of known ones
        return new BootstrapOptions(dataset, out, cli.limit, eventTime, work, cli.keepWork,
                Duration.ofSeconds(cli.progressInterval), Map.copyOf(jobOptions));
    }

    private static void requireEmptyOrAbsent(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " exists and is not a folder");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalArgumentException(dir + " exists and is not empty: give a new folder (an existing "
                        + "savepoint is never overwritten)");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + dir + ": " + e.getMessage(), e);
        }
    }
}
