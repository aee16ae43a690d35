package io.streamrec.bootstrap;

import io.streamrec.config.JobConfig;
import io.streamrec.config.JobOptions;
import io.streamrec.config.RecommendOptions;
import io.streamrec.job.Preflight;
import io.streamrec.job.RecommendationJob;
import io.streamrec.local.kafka.KafkaBrokerProcess;
import io.streamrec.local.kafka.TopicAdmin;
import io.streamrec.metrics.InProcessMetrics;
import io.streamrec.metrics.MetricNames;
import io.streamrec.schemas.Topic;
import io.streamrec.tools.ProducedCounts;
import io.streamrec.tools.ReplayProducer;
import io.streamrec.tools.ReplayProducerSettings;
import io.streamrec.tools.data.Dataset;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ExceptionUtils;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The history replayed through the job itself: a local broker with the job's topics, the recommendation job on
 * Flink's local cluster in this JVM (the same graph and options as the streaming job, on the local broker), the
 * dataset written to one single-partition topic in time order, and a savepoint once the job has consumed every
 * event and the model has settled. Its state is then exactly what a job that had read this history live would
 * hold. Closing it cancels the job and stops the broker.
 */
final class HistoryReplay implements AutoCloseable {
    /** How long the counters must stand still, after every event was read, before the job counts as drained. */
    static final Duration QUIET = Duration.ofSeconds(5);
    /** A replay whose counters stand still this long before every event was read is stuck. */
    private static final Duration STALLED = Duration.ofMinutes(5);

    private final KafkaBrokerProcess broker;
    private final Configuration config;
    private final JobClient job;
    private final boolean model;
    private final int parallelism;
    private final PrintStream out;
    private final Duration progressInterval;

    private HistoryReplay(KafkaBrokerProcess broker, Configuration config, JobClient job, PrintStream out,
            Duration progressInterval) {
        this.broker = broker;
        this.config = config;
        this.job = job;
        this.model = config.get(RecommendOptions.RECOMMENDER) == RecommendOptions.RecommenderKind.MODEL;
        this.parallelism = config.get(CoreOptions.DEFAULT_PARALLELISM);
        this.out = out;
        this.progressInterval = progressInterval;
    }

    /**
     * Starts a broker under {@code work}, creates the topics, and submits the job with {@code jobOptions} (the
     * streaming job's) made local by {@link ReplayJobOptions}.
     *
     * @throws IllegalStateException when the job cannot start (e.g. the encoder's model files are missing)
     */
    static HistoryReplay start(Map<String, String> jobOptions, Path work, PrintStream out, Duration progressInterval)
            throws Exception {
        KafkaBrokerProcess broker = KafkaBrokerProcess.start(work.resolve("kafka"), 0, 0, Duration.ofMinutes(5));
        try {
            TopicAdmin.createTopics(broker.bootstrapServers());
            createHistoryTopic(broker.bootstrapServers());
            Configuration config = JobConfig.fromMap(
                    ReplayJobOptions.forReplay(jobOptions, broker.bootstrapServers(), work));
            try {
                config = Preflight.check(config);
            } catch (Preflight.Failure e) {
                throw new IllegalStateException("the job cannot start: " + e.getMessage(), e);
            }
            InProcessMetrics.clear();
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
            RecommendationJob.onKafka(config).build(env);
            JobClient job = env.executeAsync("bootstrap " + config.get(JobOptions.JOB_NAME));
            return new HistoryReplay(broker, config, job, out, progressInterval);
        } catch (Exception | Error e) {
            broker.close();
            throw e;
        }
    }

    private static void createHistoryTopic(String bootstrap) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(ReplayJobOptions.HISTORY_TOPIC, 1, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
            TopicAdmin.awaitVisible(admin, List.of(ReplayJobOptions.HISTORY_TOPIC));
        }
    }

    /** The local broker, e.g. to send the job more events after the savepoint (tests). */
    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The options the job runs with (the streaming job's, made local). */
    Configuration config() {
        return config;
    }

    /**
     * Writes the catalogue, waits until the job has it (indexed, for the model recommender), then writes the first
     * {@code limit} events (0: all) in time order; returns what the broker acknowledged.
     */
    ProducedCounts write(Dataset dataset, long limit) throws IOException, InterruptedException {
        ReplayProducerSettings settings = new ReplayProducerSettings()
                .bootstrap(broker.bootstrapServers())
                .source(dataset)
                .events(limit)
                .rate(0)
                .eventTime(ReplayProducerSettings.EventTime.ORIGINAL)
                .runId("")
                .progress(null)
                .catalogueWritten(this::awaitCatalogue);
        for (Topic topic : List.of(Topic.VIEWS, Topic.CLICKS, Topic.PURCHASES, Topic.TEXT_EVENTS)) {
            settings.topicName(topic, ReplayJobOptions.HISTORY_TOPIC);
        }
        return ReplayProducer.run(settings);
    }

    /** Waits until the recommender has every item written so far (the model recommender: encoded and indexed). */
    private void awaitCatalogue(long items) throws InterruptedException {
        out.println("bootstrap: catalogue of " + items + " items written; waiting for the job to "
                + (model ? "encode and index it" : "take it in"));
        long lastChange = System.nanoTime();
        long lastPrint = System.nanoTime();
        long last = -1;
        while (true) {
            failIfStopped();
            long read = InProcessMetrics.sum(MetricNames.DECODE_ITEMS_OPERATOR, "numRecordsIn");
            long taken = model ? InProcessMetrics.gaugeMin(MetricNames.RANK_OPERATOR, MetricNames.ITEMS_INDEXED, parallelism)
                    : InProcessMetrics.sum(MetricNames.RECOMMEND_OPERATOR, "numRecordsIn") / Math.max(1, parallelism);
            if (taken >= items) {
                return;
            }
            if (taken != last) {
                last = taken;
                lastChange = System.nanoTime();
            }
            // Items that are versions of one item, or whose text could not be encoded, never count: once every
            // item was read and nothing has changed for a while, the catalogue is in.
            if (read >= items && System.nanoTime() - lastChange > QUIET.toNanos()) {
                return;
            }
            if (System.nanoTime() - lastPrint > progressInterval.toNanos()) {
                out.println("bootstrap: catalogue " + Math.max(0, taken) + " / " + items + " items "
                        + (model ? "indexed" : "taken in"));
                lastPrint = System.nanoTime();
            }
            Thread.sleep(100);
        }
    }

    /** What the job has done so far, from its own counters. */
    record Progress(long eventsRead, long recommenderIn, long recommendations, long modelVersion, long itemsIndexed) {}

    Progress progress() {
        String recommender = model ? MetricNames.RANK_OPERATOR : MetricNames.RECOMMEND_OPERATOR;
        long read = InProcessMetrics.sum(MetricNames.DECODE_OPERATOR, MetricNames.EVENTS_VALID)
                + InProcessMetrics.sum(MetricNames.DECODE_OPERATOR, MetricNames.EVENTS_REJECTED);
        return new Progress(read, InProcessMetrics.sum(recommender, "numRecordsIn"),
                InProcessMetrics.sum(recommender, MetricNames.RECOMMENDATIONS_OUT),
                model ? InProcessMetrics.gaugeMin(MetricNames.RANK_OPERATOR, MetricNames.MODEL_VERSION, parallelism) : 0,
                model ? InProcessMetrics.gaugeMin(MetricNames.RANK_OPERATOR, MetricNames.ITEMS_INDEXED, parallelism) : 0);
    }

    /**
     * Waits until the job has read all {@code events} and its counters (records into the recommender, its
     * recommendations, the model's version) have stood still for {@link #QUIET}: every event is in the state, and
     * every model update the history caused has gone through the model-updates topic and been applied (an update
     * is committed at the next checkpoint, every {@link ReplayJobOptions#CHECKPOINT_INTERVAL}). Prints progress.
     */
    Progress awaitDrained(long events) throws InterruptedException {
        long started = System.nanoTime();
        long lastPrint = started;
        long lastChange = started;
        Progress last = null;
        while (true) {
            failIfStopped();
            Progress now = progress();
            long t = System.nanoTime();
            if (!now.equals(last)) {
                last = now;
                lastChange = t;
            }
            if (t - lastPrint >= progressInterval.toNanos()) {
                out.printf("bootstrap: [%.0f s] events consumed %d / %d, recommendations %d%s%n",
                        (t - started) / 1e9, now.eventsRead(), events, now.recommendations(),
                        model ? ", items indexed " + now.itemsIndexed() + ", model version " + now.modelVersion() : "");
                lastPrint = t;
            }
            boolean quiet = t - lastChange >= QUIET.toNanos();
            if (now.eventsRead() >= events && quiet) {
                return now;
            }
            if (t - lastChange >= STALLED.toNanos()) {
                throw new IllegalStateException("the replay made no progress for " + STALLED.toMinutes() + " min at "
                        + now.eventsRead() + " of " + events + " events consumed");
            }
            Thread.sleep(250);
        }
    }

    /** Takes a savepoint (canonical format) into {@code dir}; returns its path. The job keeps running. */
    String savepoint(Path dir) throws Exception {
        return job.triggerSavepoint(dir.toUri().toString(), SavepointFormatType.CANONICAL).get(10, TimeUnit.MINUTES);
    }

    /** Throws with the job's failure when it is no longer running. */
    private void failIfStopped() {
        JobStatus status;
        try {
            status = job.getJobStatus().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the replay job stopped: " + rootMessage(e), e);
        }
        if (status.isGloballyTerminalState() || status == JobStatus.FAILING) {
            String reason = status.name();
            try {
                job.getJobExecutionResult().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                reason = rootMessage(e);
            }
            throw new IllegalStateException("the replay job stopped (" + status + "): " + reason);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = ExceptionUtils.stripExecutionException(e);
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return Objects.toString(root.getMessage(), root.getClass().getName());
    }

    @Override
    public void close() {
        try {
            if (!job.getJobStatus().get(30, TimeUnit.SECONDS).isGloballyTerminalState()) {
                job.cancel().get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            // The job's local cluster is gone with it; nothing else to stop.
        } finally {
            broker.close();
        }
    }
}
