package io.streamrec.reliability.support;

import io.streamrec.local.cluster.FlinkClasspath;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The job's options for a test: exactly-once, fast checkpoints, one recommendation per valid event. */
public final class JobOptionsBuilder {
    private final Map<String, String> options = new LinkedHashMap<>();

    private JobOptionsBuilder(String jobName, String bootstrap, Path checkpoints) {
        options.put("job.name", jobName);
        options.put("kafka.bootstrap-servers", bootstrap);
        options.put("kafka.group-id", jobName);
        options.put("recommend.min-interval", "0 ms");
        options.put("recommend.recommender", "BASELINE");
        options.put("parallelism.default", "2");
        options.put("execution.checkpointing.interval", "2 s");
        options.put("execution.checkpointing.dir", checkpoints.toUri().toString());
        options.put("sink.transaction-timeout", "1 min");
    }

    public static JobOptionsBuilder of(String jobName, String bootstrap, Path checkpoints) {
        return new JobOptionsBuilder(jobName, bootstrap, checkpoints);
    }

    /**
     * The MODEL recommender with the bundled int8 encoder and small learning batches, so model updates
     * flow within a short test stream.
     */
    public JobOptionsBuilder learningModel() {
        return set("recommend.recommender", "MODEL")
                .set("learning.batch-size", "16")
                .set("encoder.model-dir", FlinkClasspath.modelDir("all-minilm-l6-v2-q").toString());
    }

    public JobOptionsBuilder set(String key, String value) {
        options.put(key, value);
        return this;
    }

    public Map<String, String> build() {
        return Map.copyOf(options);
    }
}
