package io.streamrec.bench.pipeline;

import io.streamrec.bench.BenchJson;
import io.streamrec.local.kafka.KafkaBrokerProcess;
import io.streamrec.schemas.Topic;
import io.streamrec.tools.data.SyntheticWorkload;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code scripts/bench.sh pipeline}: on one Kafka broker, for each job (pass-through ceiling, product job
 * with the baseline recommender, product job with the model), each in a JVM of its own ({@link JobProcess};
 * {@code --pin} gives it CPU 0 to itself), one at-least-once run that measures
 * <ol>
 *   <li>saturation: events written in advance inside one open Kafka transaction (invisible to the job's
 *       read_committed sources), committed once the job is warm (and, for the model, once the catalogue is
 *       encoded); events/s = events / (last recommendation's broker append time - commit time), and events
 *       per CPU-second of the job's JVM alone (the feed, the tail and the broker reported beside it);</li>
 *   <li>latency at a fixed rate (default half of the measured saturation): event_time is the send time,
 *       latency = the recommendation's broker append time - event_time;</li>
 * </ol>
 * and one exactly-once run at the same rate where latency is the time a read_committed consumer
 * receives the recommendation - event_time (visibility waits for the checkpoint). Writes bench.json.
 */
public final class PipelineBenchmark {
    static final String ITEM_VECTORS_OPERATOR = "item vectors";

    private final BenchSettings settings;
    private final Progress progress;
    private final Machine machine = new Machine();
    private String bootstrap;
    private SyntheticWorkload workload;
    private JobLauncher launcher;
    private SaturationDrains drains;
    private final String runTag = Long.toString(System.currentTimeMillis(), 36);

    PipelineBenchmark(BenchSettings settings, PrintStream out) {
        this.settings = settings;
        this.progress = new Progress(out);
    }

    public static void main(String[] args) {
        BenchSettings settings;
        try {
            settings = BenchSettings.parse(args);
        } catch (ParameterException e) {
            System.err.println(e.getMessage());
            UnmatchedArgumentException.printSuggestions(e, System.err);
            System.err.print(BenchSettings.usage());
            System.exit(2);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + " (see --help)");
            System.exit(2);
            return;
        }
        if (settings.help.requested()) {
            System.out.print(BenchSettings.usage());
            System.exit(0);
        }
        try {
            Map<String, Object> result = new PipelineBenchmark(settings, System.out).run();
            System.out.println(ResultTable.of(result));
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** Runs everything, writes {@code bench.json} to the out folder and returns its content. */
    Map<String, Object> run() throws Exception {
        Files.createDirectories(settings.out);
        Instant started = Instant.now();
        progress.line("pipeline benchmark: " + settings + "; load average " + Machine.loadAverage());
        KafkaBrokerProcess broker = null;
        Path brokerDir = null;
        Thread hook = null;
        long brokerPid = -1;
        try {
            if (settings.bootstrap != null) {
                bootstrap = settings.bootstrap;
            } else {
                brokerDir = Files.createTempDirectory("streamrec-bench-kafka-");
                broker = KafkaBrokerProcess.start(brokerDir, 0, 0, Duration.ofSeconds(90));
                KafkaBrokerProcess b = broker;
                hook = new Thread(b::close, "bench-broker-stop");
                Runtime.getRuntime().addShutdownHook(hook);
                bootstrap = broker.bootstrapServers();
                brokerPid = broker.pid();
                progress.line("Kafka broker ready on " + bootstrap + " (pid " + broker.pid() + ")");
            }
            // The workload's event times (mean gap 1.5 s) lie in the past, early enough that none of the events
            // written as fast as possible is in the future (the job rejects event times beyond the clock skew).
            long burstEvents = Math.max(settings.warmupEvents, settings.modelWarmupEvents) + settings.events;
            Instant start = Instant.now().minus(Duration.ofMillis((long) (burstEvents * 1500 * 1.5) + 3_600_000L));
            workload = new SyntheticWorkload(settings.seed, settings.catalogue, settings.users, start);
            String jobCpus = settings.pin ? CpuPinning.pin(brokerPid, progress) : null;
            launcher = new JobLauncher(settings, progress, bootstrap, workload, jobCpus);
            drains = new SaturationDrains(settings, progress, machine, brokerPid);

            Map<String, Object> jobs = new LinkedHashMap<>();
            for (String job : settings.jobs) {
                Map<String, Object> result = atLeastOnceRun(job);
                if (settings.exactlyOnce) {
                    double rate = ((Number) result.get("latency_rate")).doubleValue();
                    result.put("latency_exactly_once_ms", exactlyOnceRun(job, rate));
                }
                jobs.put(job, result);
                machine.sampleLoad(job + " done");
            }
            Map<?, ?> passthrough = (Map<?, ?>) jobs.get("passthrough");
            for (Object r : jobs.values()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) r;
                m.put("ratio_to_passthrough", ratio(m, passthrough, "events_per_s"));
                m.put("job_cpu_ratio_to_passthrough", ratio(m, passthrough, "events_per_job_cpu_s"));
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("jobs", jobs);
            result.put("machine", machine.describe());
            result.put("settings", settings.describe());
            result.put("state", StateSizes.measure());
            result.put("date", DateTimeFormatter.ISO_INSTANT.format(started.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
            result.put("duration_s", Duration.between(started, Instant.now()).toSeconds());
            result.put("commit", settings.commit);
            result.put("command", "scripts/bench.sh pipeline " + String.join(" ", settings.commandLine));
            BenchJson.write(settings.out.resolve("bench.json"), result);
            progress.line("wrote " + settings.out.resolve("bench.json"));
            return result;
        } finally {
            deleteRecursively(settings.out.resolve("checkpoints"));
            if (broker != null) {
                broker.close();
                Runtime.getRuntime().removeShutdownHook(hook);
                deleteRecursively(brokerDir);
            }
        }
    }

    /** {@code job}'s {@code key} over the pass-through's, to 3 decimals; null without a pass-through run. */
    private static Double ratio(Map<String, Object> job, Map<?, ?> passthrough, String key) {
        if (passthrough == null) {
            return null;
        }
        double of = ((Number) job.get(key)).doubleValue();
        return Math.round(of / ((Number) passthrough.get(key)).doubleValue() * 1000) / 1000.0;
    }

    /** Mean, p50, p95 of the model's ranking time ({@code rankingLatencyMicros}), over subtasks; null if none. */
    private static Map<String, Object> rankingMicros(JobProcess.Metrics metrics) {
        if (metrics.rankingP50() == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", Math.round(metrics.rankingMean()));
        m.put("p50", Math.round(metrics.rankingP50()));
        m.put("p95", Math.round(metrics.rankingP95()));
        return m;
    }

    /** Saturation (events written in advance) and latency at a fixed rate, at-least-once output. */
    private Map<String, Object> atLeastOnceRun(String job) throws Exception {
        String prefix = job + "-alo-" + runTag;
        BenchTopics topics = BenchTopics.create(bootstrap, prefix);
        Map<String, Object> r = new LinkedHashMap<>();
        try (EventFeed feed = new EventFeed(bootstrap, topics, workload, prefix, settings.feedLingerMs);
                RecommendationTail tail = new RecommendationTail(bootstrap, topics.name(Topic.RECOMMENDATIONS), false,
                        feed::takeSendTime)) {
            JobProcess client = launcher.start(job, "AT_LEAST_ONCE", topics, prefix, feed);
            try {
                long warmup = settings.warmup(job);
                long t = System.nanoTime();
                feed.sendBurst(warmup);
                require(tail.awaitCount(warmup, Duration.ofSeconds(120), progress, job + " warm-up"), job + " warm-up");
                double warmRate = warmup / ((System.nanoTime() - t) / 1e9);
                SaturationDrains.Saturation saturation = drains.measure(job, client, feed, tail, warmup, warmRate);
                r.putAll(saturation.report());
                r.put("job_cpus", ProcessCpu.allowedCpus(client.pid()));
                r.put("benchmark_cpus", ProcessCpu.allowedCpus(ProcessHandle.current().pid()));
                if (job.equals("model")) {
                    // Wall time of one ranking (retrieval to the shown ten) over the drain's last requests per
                    // subtask: a steadier figure of the ranking's cost than events/s on a shared machine.
                    r.put("ranking_micros", rankingMicros(client.metrics()));
                }
                double eps = saturation.eventsPerS();

                double rate = settings.rate > 0 ? settings.rate : Math.max(1, Math.round(eps / 2));
                progress.line(String.format(Locale.ROOT, "%s: latency at %,.0f events/s: %.0f s to settle, then %.0f s "
                        + "measured (at-least-once)", job, rate, settings.latencySettleSeconds, settings.latencySeconds));
                // The first seconds after a saturation drain carry its aftermath (the drain's last checkpoint,
                // collections); they are sent at the rate but not measured.
                LatencySweep.Phase phase = LatencySweep.measure(rate, settings, feed, tail, progress, job + " latency");
                Map<String, Object> latency = tail.written.summary();
                r.put("latency_ms", latency);
                r.put("latency_visible_ms", tail.visible.summary());
                List<Map<String, Object>> timeline = tail.written.timeline(phase.start(), 5_000);
                r.put("latency_timeline_ms", timeline);
                r.put("latency_rate", rate);
                r.put("latency_events", phase.sent());
                r.put("latency_complete", phase.complete());
                r.put("text_event_share", Math.round(feed.textShare() * 1000) / 1000.0);
                JobProcess.Metrics metrics = client.metrics();
                // Every checkpoint of the run so far: its duration on the job's cores bounds exactly-once latency.
                r.put("checkpoints", metrics.checkpointReport());
                if (job.equals("model")) {
                    // Requests that reused the user's last retrieval (ranking.candidates.reuse-cosine), whole run.
                    long reused = metrics.reused() == null ? 0 : metrics.reused();
                    long retrieved = metrics.retrieved() == null ? 0 : metrics.retrieved();
                    r.put("candidates_reused_share", reused + retrieved == 0 ? null
                            : Math.round(1000.0 * reused / (reused + retrieved)) / 1000.0);
                }
                progress.line(String.format(Locale.ROOT, "%s: latency p50 / p99 per 5 s: %s", job, timeline.stream()
                        .map(w -> w.get("p50") + "/" + w.get("p99")).collect(java.util.stream.Collectors.joining(" "))));
                progress.line(String.format(Locale.ROOT, "%s: latency p50 %s ms, p95 %s, p99 %s, max %s (%s samples)", job,
                        latency.get("p50"), latency.get("p95"), latency.get("p99"), latency.get("max"),
                        latency.get("count")));
                if (!settings.latencySweep.isEmpty()) {
                    r.put("latency_sweep_ms", LatencySweep.run(job, eps, settings, feed, tail, progress));
                }
            } finally {
                launcher.stop(client, job);
            }
            r.put("dead_letters", DeadLetterCount.of(bootstrap, topics, progress));
        }
        return r;
    }

    /** Latency at {@code rate} with exactly-once output, as a read_committed consumer sees it. */
    private Map<String, Object> exactlyOnceRun(String job, double rate) throws Exception {
        String prefix = job + "-eo-" + runTag;
        BenchTopics topics = BenchTopics.create(bootstrap, prefix);
        try (EventFeed feed = new EventFeed(bootstrap, topics, workload, prefix, settings.feedLingerMs);
                RecommendationTail tail = new RecommendationTail(bootstrap, topics.name(Topic.RECOMMENDATIONS), true,
                        feed::takeSendTime)) {
            JobProcess client = launcher.start(job, "EXACTLY_ONCE", topics, prefix, feed);
            try {
                long warmup = Math.min(settings.warmup(job), 5000);
                feed.sendBurst(warmup);
                require(tail.awaitCount(warmup, Duration.ofSeconds(120), progress, job + " warm-up (exactly-once)"),
                        job + " warm-up (exactly-once)");
                long latencyStart = System.currentTimeMillis();
                tail.measureLatencyFrom(latencyStart);
                progress.line(String.format(Locale.ROOT, "%s: latency at %,.0f events/s for %.0f s (exactly-once)",
                        job, rate, settings.latencySeconds));
                long sent = feed.sendAtRate(rate, Duration.ofMillis((long) (settings.latencySeconds * 1000)));
                boolean complete = tail.awaitCount(warmup + sent, Duration.ofSeconds(60), progress,
                        job + " latency (exactly-once)");
                Map<String, Object> latency = tail.visible.summary();
                latency.put("rate", rate);
                latency.put("complete", complete);
                latency.put("checkpoints", client.metrics().checkpointReport());
                progress.line(String.format(Locale.ROOT, "%s: exactly-once latency p50 %s ms, p95 %s, p99 %s, max %s",
                        job, latency.get("p50"), latency.get("p95"), latency.get("p99"), latency.get("max")));
                return latency;
            } finally {
                launcher.stop(client, job);
            }
        }
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what + " did not complete; see the log");
        }
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception ignored) {
            // Best effort: a temporary folder.
        }
    }

    /** For tests: runs with {@code settings}, progress to {@code out}. */
    static Map<String, Object> run(BenchSettings settings, PrintStream out) throws Exception {
        return new PipelineBenchmark(settings, out).run();
    }
}
