package io.streamrec.bootstrap;

import io.streamrec.tools.ProducedCounts;
import io.streamrec.tools.data.Dataset;
import io.streamrec.tools.data.DatasetReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;

/**
 * Starts the job warm from history ({@code scripts/bootstrap.sh}): replays a dataset through the recommendation job
 * itself on Flink's local cluster and a local broker ({@link HistoryReplay}), takes a savepoint once every event is
 * consumed and the model has settled, and writes it to {@code --out} without the Kafka operators' state
 * ({@link KafkaStateRemoval}). The streaming job started from it with {@code --execution.savepoint.path} holds
 * the users' profiles, the item statistics, the item index and the model learned from the history, and its
 * sources start from their configured offsets on its own topics. See {@link BootstrapOptions#usage()}.
 */
public final class Bootstrap {
    private Bootstrap() {}

    /** What a bootstrap wrote: the savepoint (a {@code file:} URI) and what it holds. */
    record Result(String savepoint, ProducedCounts produced, SavepointSummary summary) {}

    /** Runs after the raw savepoint is taken, while the replay's job and broker still run (tests). */
    @FunctionalInterface
    interface AfterSavepoint {
        void accept(HistoryReplay replay) throws Exception;
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(BootstrapOptions.usage());
            return;
        }
        BootstrapOptions options;
        try {
            options = BootstrapOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bootstrap: " + e.getMessage());
            System.err.println(BootstrapOptions.usage());
            System.exit(2);
            return;
        }
        try {
            run(options, System.out, replay -> {});
            System.exit(0);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            System.err.println("bootstrap: " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            System.err.println("bootstrap failed:");
            e.printStackTrace();
            System.exit(1);
        }
    }

    static Result run(BootstrapOptions options, PrintStream out, AfterSavepoint afterSavepoint) throws Exception {
        Dataset dataset = DatasetReader.open(options.dataset());
        if (options.eventTime() == BootstrapOptions.EventTime.SHIFTED) {
            dataset = ShiftedDataset.endingAt(dataset, options.limit(), Instant.now());
        }
        long events = options.limit() == 0 ? dataset.eventCount() : Math.min(options.limit(), dataset.eventCount());
        List<String> replaced = ReplayJobOptions.replaced(options.jobOptions());
        if (!replaced.isEmpty()) {
            out.println("bootstrap: job options for the deployment, not used by the replay: " + replaced);
        }
        boolean ownWork = options.workDir() == null;
        Path work = ownWork ? Files.createTempDirectory("streamrec-bootstrap-") : options.workDir();
        Files.createDirectories(work);
        try {
            out.println("bootstrap: replaying " + dataset.description() + ": " + events + " events, "
                    + dataset.items().size() + " items (work folder " + work + ")");
            String raw;
            ProducedCounts produced;
            Configuration config;
            try (HistoryReplay replay = HistoryReplay.start(options.jobOptions(), work, out, options.progressInterval())) {
                config = replay.config();
                produced = replay.write(dataset, options.limit());
                HistoryReplay.Progress done = replay.awaitDrained(produced.events() + produced.bad());
                out.println("bootstrap: all " + done.eventsRead() + " events consumed, " + done.recommendations()
                        + " recommendations" + (done.modelVersion() > 0 ? ", model version " + done.modelVersion() : "")
                        + "; taking a savepoint");
                raw = replay.savepoint(work.resolve("savepoint"));
                afterSavepoint.accept(replay);
            }
            Files.createDirectories(options.out());
            String savepoint = "file://" + options.out();
            List<String> removed = KafkaStateRemoval.rewrite(raw, savepoint);
            out.println("bootstrap: wrote the savepoint without the state of the Kafka operators " + removed);
            SavepointSummary summary = SavepointSummary.read(savepoint, config);
            out.printf("bootstrap: savepoint %s: users %d, items %d, model version %d%n", savepoint, summary.users(),
                    summary.items(), summary.modelVersion());
            out.println("bootstrap: start the streaming job with the same job options and "
                    + "--execution.state-recovery.path " + savepoint + " (flink run -s " + savepoint + ")");
            return new Result(savepoint, produced, summary);
        } finally {
            if (ownWork && !options.keepWork()) {
                deleteRecursively(work);
            } else {
                out.println("bootstrap: work folder kept: " + work);
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless.
        }
    }
}
