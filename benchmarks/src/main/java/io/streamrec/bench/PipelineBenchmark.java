package io.streamrec.bench;

import io.streamrec.config.JobConfig;
import io.streamrec.job.RecommendationJob;
import io.streamrec.local.KafkaBrokerProcess;
import io.streamrec.metrics.MetricNames;
import io.streamrec.ranking.Vectors;
import io.streamrec.schemas.Topic;
import io.streamrec.avro.DeadLetter;
import io.streamrec.schemas.AvroCodec;
import io.streamrec.tools.TopicReader;
import io.streamrec.tools.data.SyntheticWorkload;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.common.IsolationLevel;

/**
 * {@code scripts/bench.sh pipeline}: on one Kafka broker, for each job (pass-through ceiling, product job
 * with the baseline recommender, product job with the model) one at-least-once run that measures
 * <ol>
 *   <li>saturation: events written in advance inside one open Kafka transaction (invisible to the job's
 *       read_committed sources), committed once the job is warm (and, for the model, once the catalogue is
 *       encoded); events/s = events / (last recommendation's broker append time - commit time);</li>
 *   <li>latency at a fixed rate (default half of the measured saturation): event_time is the send time,
 *       latency = the recommendation's broker append time - event_time;</li>
 * </ol>
 * and one exactly-once run at the same rate where latency is the time a read_committed consumer
 * receives the recommendation - event_time (visibility waits for the checkpoint). Writes bench.json.
 */
public final class PipelineBenchmark {
    static final String ITEM_VECTORS_OPERATOR = "item vectors";
    static final String RANK_OPERATOR = "rank (model)";

    private final BenchSettings settings;
    private final Progress progress;
    private final List<String> loadSamples = new ArrayList<>();
    private String bootstrap;
    private long brokerPid = -1;
    private SyntheticWorkload workload;
    private final String runTag = Long.toString(System.currentTimeMillis(), 36);

    PipelineBenchmark(BenchSettings settings, PrintStream out) {
        this.settings = settings;
        this.progress = new Progress(out);
    }

    public static void main(String[] args) {
        BenchSettings settings;
        try {
            settings = BenchSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            Map<String, Object> result = new PipelineBenchmark(settings, System.out).run();
            System.out.println(table(result));
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
        progress.line("pipeline benchmark: " + settings + "; load average " + loadAverage());
        KafkaBrokerProcess broker = null;
        Path brokerDir = null;
        Thread hook = null;
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

            Map<String, Object> jobs = new LinkedHashMap<>();
            for (String job : settings.jobs) {
                Map<String, Object> result = atLeastOnceRun(job);
                if (settings.exactlyOnce) {
                    double rate = ((Number) result.get("latency_rate")).doubleValue();
                    result.put("latency_exactly_once_ms", exactlyOnceRun(job, rate));
                }
                jobs.put(job, result);
                sampleLoad(job + " done");
            }
            Object ceiling = jobs.containsKey("passthrough")
                    ? ((Map<?, ?>) jobs.get("passthrough")).get("events_per_s") : null;
            for (Object r : jobs.values()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) r;
                double eps = ((Number) m.get("events_per_s")).doubleValue();
                m.put("ratio_to_passthrough", ceiling == null ? null
                        : Math.round(eps / ((Number) ceiling).doubleValue() * 1000) / 1000.0);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("jobs", jobs);
            result.put("machine", machine());
            result.put("settings", settings.describe());
            result.put("state", StateSizes.measure());
            result.put("date", DateTimeFormatter.ISO_INSTANT.format(started.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
            result.put("duration_s", Duration.between(started, Instant.now()).toSeconds());
            result.put("commit", settings.commit);
            result.put("command", "scripts/bench.sh pipeline " + String.join(" ", settings.commandLine));
            Files.writeString(settings.out.resolve("bench.json"), Json.write(result));
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

    /** Saturation (events written in advance) and latency at a fixed rate, at-least-once output. */
    private Map<String, Object> atLeastOnceRun(String job) throws Exception {
        String prefix = job + "-alo-" + runTag;
        BenchTopics topics = BenchTopics.create(bootstrap, prefix);
        Map<String, Object> r = new LinkedHashMap<>();
        try (EventFeed feed = new EventFeed(bootstrap, topics, workload, prefix, settings.feedLingerMs);
                RecommendationTail tail = new RecommendationTail(bootstrap, topics.name(Topic.RECOMMENDATIONS), false,
                        feed::takeSendTime)) {
            JobClient client = startJob(job, "AT_LEAST_ONCE", topics, prefix, feed);
            try {
                long warmup = settings.warmup(job);
                long t = System.nanoTime();
                feed.sendBurst(warmup);
                require(tail.awaitCount(warmup, Duration.ofSeconds(120), progress, job + " warm-up"), job + " warm-up");
                double warmRate = warmup / ((System.nanoTime() - t) / 1e9);
                // Sized from the warm-up rate (cold, so low: hence x3) to drain for about --drain-seconds, at most
                // --events.
                long measured = Math.min(settings.events, Math.max(1000,
                        Math.round(warmRate * settings.drainSeconds * 3)));
                progress.line(String.format(Locale.ROOT, "%s: warm-up %,d events at ~%,.0f/s; writing %,d events "
                        + "in advance (uncommitted)", job, warmup, warmRate, measured));
                Drain d = drain(job, feed, tail, warmup, measured);
                // The first drains run code the short warm-up never made hot: for about a minute at full speed
                // the JIT compiles in the job's and in the broker's JVM (a third of a core each), and a drain of a
                // few seconds sees zero or one checkpoint. Drains are repeated, each sized from the one before,
                // until one that started after --warm-seconds of draining agrees with the one before it; the
                // last is reported. (Two early drains can agree while both are still slowed by the JIT.)
                List<Long> rates = new ArrayList<>(List.of(Math.round(d.eventsPerS())));
                double drainedSeconds = d.seconds;
                boolean steady = false;
                while (d.complete && !steady && rates.size() < settings.maxDrains) {
                    long again = Math.min(settings.events, Math.max(1000, Math.round(d.eventsPerS() * settings.drainSeconds)));
                    progress.line(String.format(Locale.ROOT, "%s: drain %d of at most %d (%.0f s drained so far; "
                            + "reported once past %.0f s and within %.0f %% of the one before): writing %,d events",
                            job, rates.size() + 1, settings.maxDrains, drainedSeconds, settings.warmSeconds,
                            settings.steadyWithin * 100, again));
                    Drain next = drain(job, feed, tail, tail.count(), again);
                    steady = drainedSeconds >= settings.warmSeconds
                            && Math.abs(next.eventsPerS() - d.eventsPerS()) <= settings.steadyWithin * d.eventsPerS();
                    drainedSeconds += next.seconds;
                    d = next;
                    measured = again;
                    rates.add(Math.round(d.eventsPerS()));
                }
                r.put("drains_events_per_s", rates);
                r.put("steady", steady);
                double eps = d.eventsPerS();
                r.put("drain_cpu_s", Math.round(d.cpuNanos / 1e6) / 1000.0);
                r.put("events_per_cpu_s", Math.round(d.received / (d.cpuNanos / 1e9)));
                r.put("broker_drain_cpu_s", d.brokerCpuNanos < 0 ? null : Math.round(d.brokerCpuNanos / 1e6) / 1000.0);
                r.put("events_per_s", Math.round(eps));
                r.put("saturation_events", measured);
                r.put("drain_s", Math.round(d.seconds * 1000) / 1000.0);
                r.put("drain_complete", d.complete);
                r.put("load_avg_before_drain", d.load);

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
                if (job.equals("model")) {
                    // Requests that reused the user's last retrieval (ranking.candidates.reuse-cosine), whole run.
                    long reused = BenchMetrics.gaugeSum(RANK_OPERATOR, MetricNames.CANDIDATES_REUSED);
                    long retrieved = BenchMetrics.gaugeSum(RANK_OPERATOR, MetricNames.CANDIDATES_RETRIEVED);
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
                stop(client, job);
            }
            r.put("dead_letters", deadLetters(topics));
        }
        return r;
    }

    /** One saturation drain: its events written in advance, invisible until committed, then timed. */
    private record Drain(long received, double seconds, long cpuNanos, long brokerCpuNanos, boolean complete,
            String load) {
        double eventsPerS() {
            return received / seconds;
        }
    }

    /** Writes {@code count} events in one open transaction, commits and times until the last recommendation. */
    private Drain drain(String job, EventFeed feed, RecommendationTail tail, long before, long count) throws Exception {
        feed.sendUncommitted(count);
        Thread.sleep(1000);
        String load = sampleLoad(job + " saturation");
        long cpu0 = processCpuNanos();
        long brokerCpu0 = brokerCpuNanos();
        long t0 = System.currentTimeMillis();
        feed.commit();
        boolean drained = tail.awaitCount(before + count, Duration.ofSeconds(60), progress, job + " drain");
        long cpu = processCpuNanos() - cpu0;
        long brokerCpu = brokerCpu0 < 0 ? -1 : brokerCpuNanos() - brokerCpu0;
        long received = tail.count() - before;
        double seconds = (tail.maxAppendTime() - t0) / 1000.0;
        progress.line(String.format(Locale.ROOT, "%s: drained %,d events in %.2f s: %,.0f events/s%s; CPU "
                + "%.1f s in this JVM (%,.0f events per CPU-second), %.1f s in the broker", job, received,
                seconds, received / seconds, drained ? "" : " (INCOMPLETE)", cpu / 1e9, received / (cpu / 1e9),
                brokerCpu / 1e9));
        return new Drain(received, seconds, cpu, brokerCpu, drained, load);
    }

    /** Dead letters of a run by error code (the bench's events are all valid: any is a finding). */
    private Map<String, Object> deadLetters(BenchTopics topics) {
        AvroCodec<DeadLetter> codec = AvroCodec.of(DeadLetter.class);
        Map<String, Long> byCode = new java.util.TreeMap<>();
        Map<String, String> example = new java.util.TreeMap<>();
        TopicReader.scan(bootstrap, topics.name(Topic.DEAD_LETTERS), IsolationLevel.READ_UNCOMMITTED, record -> {
            DeadLetter d;
            try {
                d = codec.decode(record.value());
            } catch (Exception e) {
                byCode.merge("(undecodable dead letter)", 1L, Long::sum);
                return;
            }
            byCode.merge(d.getErrorCode(), 1L, Long::sum);
            example.putIfAbsent(d.getErrorCode(), d.getError());
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", byCode.values().stream().mapToLong(Long::longValue).sum());
        out.put("by_code", new LinkedHashMap<>(byCode));
        if (!example.isEmpty()) {
            out.put("examples", new LinkedHashMap<>(example));
            progress.line("dead letters: " + byCode + "; e.g. " + example);
        }
        return out;
    }

    /** Latency at {@code rate} with exactly-once output, as a read_committed consumer sees it. */
    private Map<String, Object> exactlyOnceRun(String job, double rate) throws Exception {
        String prefix = job + "-eo-" + runTag;
        BenchTopics topics = BenchTopics.create(bootstrap, prefix);
        try (EventFeed feed = new EventFeed(bootstrap, topics, workload, prefix, settings.feedLingerMs);
                RecommendationTail tail = new RecommendationTail(bootstrap, topics.name(Topic.RECOMMENDATIONS), true,
                        feed::takeSendTime)) {
            JobClient client = startJob(job, "EXACTLY_ONCE", topics, prefix, feed);
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
                progress.line(String.format(Locale.ROOT, "%s: exactly-once latency p50 %s ms, p95 %s, p99 %s, max %s",
                        job, latency.get("p50"), latency.get("p95"), latency.get("p99"), latency.get("max")));
                return latency;
            } finally {
                stop(client, job);
            }
        }
    }

    private JobClient startJob(String job, String guarantee, BenchTopics topics, String prefix, EventFeed feed)
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
        options.put("metrics.reporter.bench.factory.class", BenchMetrics.Factory.class.getName());
        options.putAll(settings.jobOptions);
        Configuration config = JobConfig.fromMap(options);
        if (!job.equals("passthrough")) {
            feed.sendItems(workload.items());
        }
        BenchMetrics.clear();
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
        long lastPrint = System.nanoTime();
        while (true) {
            long encoded = BenchMetrics.sum(ITEM_VECTORS_OPERATOR, "numRecordsOut");
            if (encoded >= settings.catalogue) {
                break;
            }
            if (encoded != last) {
                last = encoded;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > TimeUnit.SECONDS.toNanos(120)) {
                throw new IllegalStateException(job + ": item encoding stalled at " + encoded);
            }
            if (System.nanoTime() - lastPrint > 5_000_000_000L) {
                lastPrint = System.nanoTime();
                progress.line(String.format(Locale.ROOT, "%s: %,d of %,d catalogue items encoded", job, encoded,
                        settings.catalogue));
            }
            Thread.sleep(100);
        }
        double s = (System.nanoTime() - t) / 1e9;
        progress.line(String.format(Locale.ROOT, "%s: catalogue of %,d items encoded in %.1f s (%,.0f items/s)", job,
                settings.catalogue, s, settings.catalogue / s));
        Thread.sleep(2000); // the broadcast reaches every ranker subtask
    }

    private void stop(JobClient client, String job) {
        try {
            client.cancel().get(60, TimeUnit.SECONDS);
            client.getJobExecutionResult().handle((r, e) -> null).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            progress.line(job + ": cancelling the job: " + e);
        }
    }

    /** CPU time of this JVM (the jobs, the feed and the tail). */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** CPU time of the broker process we started (utime + stime from /proc), or -1 when unknown. */
    private long brokerCpuNanos() {
        if (brokerPid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(brokerPid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of stat
            return ticks * 10_000_000L; // USER_HZ = 100
        } catch (Exception e) {
            return -1;
        }
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what + " did not complete; see the log");
        }
    }

    private String sampleLoad(String when) {
        String load = loadAverage();
        loadSamples.add(when + ": " + load);
        return load;
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        long memory = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize();
        }
        m.put("memory_gb", Math.round(memory / 1024.0 / 1024 / 1024 * 10) / 10.0);
        m.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        m.put("dot_products", Vectors.dotProductMode());
        m.put("load_avg", loadAverage());
        m.put("load_avg_samples", new ArrayList<>(loadSamples));
        return m;
    }

    /** The table printed at the end. */
    @SuppressWarnings("unchecked")
    static String table(Map<String, Object> result) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%n%-12s %11s %7s | %-28s | %-28s%n", "job", "events/s", "ratio",
                "at-least-once p50/p95/p99/max", "exactly-once p50/p95/p99/max"));
        Map<String, Object> jobs = (Map<String, Object>) result.get("jobs");
        for (Map.Entry<String, Object> e : jobs.entrySet()) {
            Map<String, Object> r = (Map<String, Object>) e.getValue();
            Object ratio = r.get("ratio_to_passthrough");
            sb.append(String.format(Locale.ROOT, "%-12s %11s %7s | %-28s | %-28s%n", e.getKey(),
                    String.format(Locale.ROOT, "%,d", ((Number) r.get("events_per_s")).longValue()),
                    ratio == null ? "-" : String.format(Locale.ROOT, "%.3f", ((Number) ratio).doubleValue()),
                    quartet((Map<String, Object>) r.get("latency_ms")) + " @" + rate(r.get("latency_rate")),
                    quartet((Map<String, Object>) r.get("latency_exactly_once_ms"))));
            List<Map<String, Object>> sweep = (List<Map<String, Object>>) r.get("latency_sweep_ms");
            if (sweep != null) {
                sb.append(String.format(Locale.ROOT, "%-12s sweep, at-least-once p50/p95/p99/max: %s%n", "",
                        sweep.stream().map(p -> quartet(p) + " @" + rate(p.get("rate")))
                                .collect(java.util.stream.Collectors.joining(" · "))));
            }
        }
        Map<String, Object> machine = (Map<String, Object>) result.get("machine");
        sb.append(String.format(Locale.ROOT, "latency in ms at the rate after '@' (events/s); machine: %s cores, "
                + "%s GB, Java %s, load average %s%n", machine.get("cores"), machine.get("memory_gb"),
                machine.get("java"), machine.get("load_avg")));
        return sb.toString();
    }

    private static String rate(Object rate) {
        return rate == null ? "-" : String.format(Locale.ROOT, "%,.0f", ((Number) rate).doubleValue());
    }

    private static String quartet(Map<String, Object> latency) {
        if (latency == null) {
            return "-";
        }
        return latency.get("p50") + "/" + latency.get("p95") + "/" + latency.get("p99") + "/" + latency.get("max");
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
