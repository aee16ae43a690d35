package io.streamrec.bench.pipeline;

import io.streamrec.config.JobConfig;
import io.streamrec.tools.data.SyntheticWorkload;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts a run's job (pass-through, or the product job with the baseline or the model) on Flink's local
 * cluster in a JVM of its own ({@link JobProcess}), on the run's own topics, and stops it afterwards.
 */
final class JobLauncher {
    private final BenchSettings settings;
    private final Progress progress;
    private final String bootstrap;
    private final SyntheticWorkload workload;
    /** The {@code taskset -c} list of the job's JVM; null: not pinned. */
    private final String jobCpus;

    JobLauncher(BenchSettings settings, Progress progress, String bootstrap, SyntheticWorkload workload, String jobCpus) {
        this.settings = settings;
        this.progress = progress;
        this.bootstrap = bootstrap;
        this.workload = workload;
        this.jobCpus = jobCpus;
    }

    /** Starts {@code job}; the model's job returns once the whole catalogue is encoded. */
    JobProcess start(String job, String guarantee, BenchTopics topics, String prefix, EventFeed feed)
            throws Exception {
        Map<String, String> options = new LinkedHashMap<>(topics.jobOptions());
        options.put("kafka.bootstrap-servers", bootstrap);
        options.put("kafka.group-id", prefix);
        options.put("kafka.starting-offsets", "EARLIEST");
        options.put("sink.delivery-guarantee", guarantee);
        options.put("sink.transactional-id-prefix", prefix);
        options.put("job.name", prefix);
        options.put("job.log-configuration", "false");
        options.put("recommend.min-interval", "0 ms");
        if (!job.equals("passthrough")) {
            options.put("recommend.recommender", job.equals("model") ? "MODEL" : "BASELINE");
        }
        options.put("parallelism.default", Integer.toString(settings.parallelism));
        options.put("execution.checkpointing.interval", settings.checkpointInterval);
        options.put("execution.checkpointing.dir", settings.out.toAbsolutePath().resolve("checkpoints").toUri().toString());
        options.putAll(settings.jobOptions);
        JobConfig.fromMap(options); // refused here, with the list of known keys, rather than in the job's JVM
        if (!job.equals("passthrough")) {
            feed.sendItems(workload.items());
        }
        JobProcess process = JobProcess.start(job, settings.catalogue, options, prefix, settings.out, jobCpus, progress,
                Duration.ofMinutes(10));
        progress.line(job + ": job started (" + guarantee + ", parallelism " + settings.parallelism + ", pid "
                + process.pid() + (jobCpus == null ? "" : ", on CPU " + jobCpus) + ")");
        return process;
    }

    /** Cancels the job and waits for its JVM to end; a failure to stop is logged, not thrown. */
    void stop(JobProcess process, String job) {
        try {
            process.close();
        } catch (RuntimeException e) {
            progress.line(job + ": stopping the job: " + e);
        }
    }
}
