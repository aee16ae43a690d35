package io.streamrec.bootstrap;

import io.streamrec.config.JobConfig;
import io.streamrec.local.CommandLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

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

    private static final Set<String> OWN = Set.of("dataset", "out", "limit", "event-time", "work", "keep-work",
            "progress-interval");

    static String usage() {
        return String.join("\n",
                "usage: scripts/bootstrap.sh --dataset DIR --out DIR [options] [-- JOB OPTIONS...]",
                "  --dataset DIR          the history: MovieLens latest (movies.csv + ratings.csv), MovieLens 100K",
                "                         (u.data + u.item) or events.csv + items.csv (docs/datasets.md)",
                "  --out DIR              where the savepoint is written; must not exist or be empty",
                "  --limit N              replay only the first N events (default 0: all)",
                "  --event-time shifted|original",
                "                         shifted (default): every time moved so that the last event is now, so the",
                "                         history's decayed statistics and profiles are fresh when live events come;",
                "                         original: the dataset's own times",
                "  --work DIR             folder for the local broker and the raw savepoint (default: a temporary",
                "                         folder, deleted at the end)",
                "  --keep-work            keep the work folder (broker log, raw savepoint)",
                "  --progress-interval S  seconds between progress lines (default 5)",
                "  -- JOB OPTIONS         the options the streaming job will run with (recommender, learning, ranking,",
                "                         parallelism ...); its Kafka, topic, checkpoint-folder and metrics-reporter",
                "                         options are replaced for the replay (docs/deploy.md#starting-warm-from-history)");
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
        CommandLine cli = CommandLine.parse(own);
        for (String name : cli.asMap().keySet()) {
            if (!OWN.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " (job options go after --)");
            }
        }
        if (!cli.has("dataset") || cli.get("dataset", "").isBlank() || cli.get("dataset", "").equals("true")) {
            throw new IllegalArgumentException("--dataset DIR is required: the folder of the history to start from");
        }
        if (!cli.has("out") || cli.get("out", "").isBlank() || cli.get("out", "").equals("true")) {
            throw new IllegalArgumentException("--out DIR is required: the folder the savepoint is written to");
        }
        Path dataset = Path.of(cli.get("dataset", "")).toAbsolutePath().normalize();
        if (!Files.isDirectory(dataset)) {
            throw new IllegalArgumentException("--dataset " + dataset + " does not exist or is not a folder");
        }
        Path out = Path.of(cli.get("out", "")).toAbsolutePath().normalize();
        requireEmptyOrAbsent(out);
        long limit = cli.getLong("limit", 0);
        if (limit < 0) {
            throw new IllegalArgumentException("--limit must be 0 (all events) or positive, got " + limit);
        }
        EventTime eventTime;
        String mode = cli.get("event-time", "shifted");
        try {
            eventTime = EventTime.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--event-time expects shifted or original, got '" + mode + "'");
        }
        Path work = cli.has("work") ? Path.of(cli.get("work", "")).toAbsolutePath().normalize() : null;
        if (work != null) {
            requireEmptyOrAbsent(work);
            if (out.startsWith(work) || work.startsWith(out)) {
                throw new IllegalArgumentException("--work " + work + " and --out " + out + " must not contain each other");
            }
        }
        long progress = cli.getLong("progress-interval", 5);
        if (progress < 1) {
            throw new IllegalArgumentException("--progress-interval must be at least 1 (seconds), got " + progress);
        }
        Map<String, String> jobOptions = JobConfig.argsToMap(job);
        JobConfig.fromMap(jobOptions); // unknown product options are refused with the list of known ones
        return new BootstrapOptions(dataset, out, limit, eventTime, work, cli.has("keep-work"),
                Duration.ofSeconds(progress), Map.copyOf(jobOptions));
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
