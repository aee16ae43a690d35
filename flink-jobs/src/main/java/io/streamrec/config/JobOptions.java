package io.streamrec.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.StateBackendOptions;

/** The job as a whole, and the defaults it gives Flink's own options. */
public final class JobOptions {
    private JobOptions() {}

    public static final ConfigOption<String> JOB_NAME = ConfigOptions.key("job.name")
            .stringType()
            .defaultValue("streamrec-recommendations")
            .withDescription("Name of the Flink job; also the default transactional id prefix of its sinks.");

    public static final ConfigOption<Boolean> LOG_CONFIGURATION = ConfigOptions.key("job.log-configuration")
            .booleanType()
            .defaultValue(true)
            .withDescription("Log the effective options at start-up (secret values masked).");

    public static final ConfigOption<Boolean> PREFLIGHT = ConfigOptions.key("job.preflight")
            .booleanType()
            .defaultValue(true)
            .withDescription("Before submitting, check what the job cannot run without: the encoder's model "
                    + "files (MODEL recommender; the folder found is then passed to the cluster as "
                    + "encoder.model-dir, so every TaskManager reads the same one), the broker reachable and "
                    + "every topic the job reads or writes present. A failed check refuses to start, with the "
                    + "reason, instead of a job that restarts forever.");

    public static final ConfigOption<Duration> PREFLIGHT_TIMEOUT = ConfigOptions.key("job.preflight.timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(30))
            .withDescription("How long the pre-flight check waits for the broker to answer and for missing "
                    + "topics to appear.");

    /**
     * Flink options the job sets when the user does not: RocksDB with incremental checkpoints every
     * 10 s, no silent Kryo fallback for types Flink cannot analyse, and network buffers flushed after at
     * most 10 ms (Flink's 100 ms would add up to 100 ms per exchange to every recommendation's latency).
     */
    public static Map<ConfigOption<?>, Object> flinkDefaults() {
        Map<ConfigOption<?>, Object> defaults = new LinkedHashMap<>();
        defaults.put(StateBackendOptions.STATE_BACKEND, "rocksdb");
        defaults.put(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(10));
        defaults.put(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        defaults.put(CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                "file://" + System.getProperty("java.io.tmpdir") + "/streamrec/checkpoints");
        defaults.put(PipelineOptions.GENERIC_TYPES, false);
        defaults.put(ExecutionOptions.BUFFER_TIMEOUT, Duration.ofMillis(10));
        // No deep copy of every record between chained operators. Safe here: no operator keeps or changes a
        // record it received from a chained one (network inputs are always deserialized into new objects,
        // and async I/O copies what it queues); RecommendationJobObjectReuseTest checks the job under it.
        defaults.put(PipelineOptions.OBJECT_REUSE, true);
        return defaults;
    }

    /**
     * The {@link #flinkDefaults()} that neither the job's options nor the cluster's configuration set.
     * Applied to the environment, never to the job's own options, so a cluster's settings (e.g. its
     * checkpoint storage) are not overridden by a job default.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Configuration missingFlinkDefaults(ReadableConfig effective) {
        Configuration missing = new Configuration();
        for (Map.Entry<ConfigOption<?>, Object> e : flinkDefaults().entrySet()) {
            if (effective.getOptional(e.getKey()).isEmpty()) {
                missing.set((ConfigOption) e.getKey(), e.getValue());
            }
        }
        return missing;
    }
}
