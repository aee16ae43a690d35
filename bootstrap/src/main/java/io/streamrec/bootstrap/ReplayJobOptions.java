package io.streamrec.bootstrap;

import io.streamrec.metrics.InProcessMetrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The job options of the replay: the streaming job's own options, which decide what the state holds, with the
 * ones that name the production deployment (its Kafka, topics, state folders, restore path, metrics reporters,
 * high availability, restart strategy) replaced by the local broker's and the work folder's. The Kafka sources' and sinks' state
 * is removed from the savepoint afterwards, so none of the replaced options reaches the streaming job.
 */
final class ReplayJobOptions {
    /** The one-partition topic the history is written to, in time order (the job reads it as a combined topic). */
    static final String HISTORY_TOPIC = "bootstrap-history";
    /** Checkpoints of the replay: the model's updates become visible (committed) at each one. */
    static final String CHECKPOINT_INTERVAL = "1 s";

    private static final List<String> REPLACED_PREFIXES = List.of("kafka.", "topics.", "execution.savepoint.",
            "execution.state-recovery.", "metrics.reporter", "high-availability", "kubernetes.", "restart-strategy");
    private static final List<String> REPLACED_KEYS = List.of("execution.checkpointing.dir",
            "execution.checkpointing.savepoint-dir", "execution.checkpointing.interval", "state.checkpoints.dir",
            "state.savepoints.dir");

    private ReplayJobOptions() {}

    /** The options given for the streaming job that the replay does not use (replaced by its own). */
    static List<String> replaced(Map<String, String> jobOptions) {
        List<String> out = new ArrayList<>();
        for (String key : jobOptions.keySet()) {
            if (isReplaced(key)) {
                out.add(key);
            }
        }
        return out;
    }

    /** {@code jobOptions} for a replay on the broker at {@code bootstrapServers}, with its state under {@code work}. */
    static Map<String, String> forReplay(Map<String, String> jobOptions, String bootstrapServers, Path work) {
        Map<String, String> options = new LinkedHashMap<>();
        jobOptions.forEach((key, value) -> {
            if (!isReplaced(key)) {
                options.put(key, value);
            }
        });
        options.put("kafka.bootstrap-servers", bootstrapServers);
        options.put("kafka.starting-offsets", "EARLIEST");
        options.put("topics.combined-events", HISTORY_TOPIC);
        options.put("execution.checkpointing.interval", CHECKPOINT_INTERVAL);
        options.put("execution.checkpointing.dir", work.resolve("checkpoints").toUri().toString());
        options.putIfAbsent("parallelism.default", "1");
        // A failure ends the replay with its cause: counted progress would not survive a restart.
        options.put("restart-strategy.type", "none");
        InProcessMetrics.configure(options);
        return options;
    }

    private static boolean isReplaced(String key) {
        return REPLACED_KEYS.contains(key) || REPLACED_PREFIXES.stream().anyMatch(key::startsWith);
    }
}
