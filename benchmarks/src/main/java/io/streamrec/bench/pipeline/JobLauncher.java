package io.streamrec.bench.pipeline;

import io.streamrec.config.JobConfig;
import io.streamrec.job.RecommendationJob;
import io.streamrec.local.ProgressLine;
import io.streamrec.metrics.InProcessMetrics;
import io.streamrec.tools.data.SyntheticWorkload;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Starts a run's job (pass-through, or the product job with the baseline or the model) on Flink's local
 * cluster in this JVM, on the run's own topics, and cancels it afterwards.
 */
final class JobLauncher {
    private final BenchSettings settings;
    private final Progress progress;
    private final String bootstrap;
    private final SyntheticWorkload workload;

    JobLauncher(BenchSettings settings, Progress progress, String bootstrap, SyntheticWorkload workload) {
        this.settings = settings;
        this.progress = progress;
        this.bootstrap = bootstrap;
        this.workload = workload;
    }

    /** Starts {@code job}; the model's job returns once the whole catalogue is encoded. */
    JobClient start(String job, String guarantee, BenchTopics topics, String prefix, EventFeed feed)
            throws Exception {
        Map<String, String> options = new HashMap<>(topics.jobOptions());
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
        InProcessMetrics.configure(options);
        options.putAll(settings.jobOptions);
        Configuration config = JobConfig.fromMap(options);
        if (!job.equals("passthrough")) {
            feed.sendItems(workload.items());
        }
        InProcessMetrics.clear();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        if (job.equals("passthrough")) {
            PassThroughJob.build(env, config);
        } else {
            RecommendationJob.onKafka(config).build(env);
        }
        JobClient client = env.executeAsync(prefix);
        progress.line(job + ": job started (" + guarantee + ", parallelism " + settings.parallelism + ")");
        if (job.equals("model")) {
            awaitCatalogueEncoded(job);
        }
        return client;
    }

    /** The model ranks only encoded items: wait until every catalogue item left the encoder. */
    private void awaitCatalogueEncoded(String job) throws InterruptedException {
        long t = System.nanoTime();
        long last = -1;
        long lastChange = System.nanoTime();
        ProgressLine line = new ProgressLine(progress::line, job + ": encoded", "catalogue items",
                Duration.ofSeconds(5));
        while (true) {
            long encoded = InProcessMetrics.sum(PipelineBenchmark.ITEM_VECTORS_OPERATOR, "numRecordsOut");
            if (encoded >= settings.catalogue) {
                break;
            }
            if (encoded != last) {
                last = encoded;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > TimeUnit.SECONDS.toNanos(120)) {
                throw new IllegalStateException(job + ": item encoding stalled at " + encoded);
            }
            line.update(encoded, settings.catalogue);
            Thread.sleep(100);
        }
        double s = (System.nanoTime() - t) / 1e9;
        progress.line(String.format(Locale.ROOT, "%s: catalogue of %,d items encoded in %.1f s (%,.0f items/s)", job,
                settings.catalogue, s, settings.catalogue / s));
        Thread.sleep(2000); // the broadcast reaches every ranker subtask
    }

    /** Cancels the job and waits for it to end; a failure to cancel is logged, not thrown. */
    void stop(JobClient client, String job) {
        try {
            client.cancel().get(60, TimeUnit.SECONDS);
            client.getJobExecutionResult().handle((r, e) -> null).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            progress.line(job + ": cancelling the job: " + e);
        }
    }
}
