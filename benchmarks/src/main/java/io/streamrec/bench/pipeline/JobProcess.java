package io.streamrec.bench.pipeline;

import io.streamrec.config.JobConfig;
import io.streamrec.job.RecommendationJob;
import io.streamrec.local.JvmModuleFlags;
import io.streamrec.local.ProgressLine;
import io.streamrec.metrics.InProcessMetrics;
import io.streamrec.metrics.MetricNames;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * One run's job in a JVM of its own, on Flink's local cluster there: its CPU time is the job's alone (the
 * load generator and the tail stay in the benchmark's JVM, the broker in its own), and it can be pinned to
 * cores of its own ({@code taskset}). The two JVMs speak a line protocol: the job's JVM prints
 * {@code PROGRESS <text>} while it starts and {@code READY} once it serves (for the model, once the whole
 * catalogue is encoded); on {@code metrics} it prints {@code METRICS key=value ...} (the model's ranking time and
 * candidate reuse, the checkpoints completed so far and their durations; keys without a value are left out);
 * {@code stop}, or the end of its input, cancels the job and ends it.
 * Everything else it prints (logs) goes to {@code job-<run>.log} in the out folder.
 */
final class JobProcess implements AutoCloseable {
    /** JVM options for the job's JVM only, e.g. a flight recording; {@code {run}} becomes the run's name. */
    static final String JVM_OPTIONS_PROPERTY = "bench.job.jvm-options";

    private final Process process;
    private final PrintWriter commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final String name;

    private JobProcess(Process process, String name, Path log) throws IOException {
        this.process = process;
        this.name = name;
        this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        PrintWriter logFile = new PrintWriter(Files.newBufferedWriter(log), true);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("PROGRESS ") || line.equals("READY") || line.startsWith("METRICS")) {
                        replies.add(line);
                    } else {
                        logFile.println(line);
                    }
                }
            } catch (IOException e) {
                logFile.println("reading the job's output: " + e);
            } finally {
                logFile.close();
                replies.add("EXITED");
            }
        }, "bench-job-output-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code job} (passthrough, baseline or model) with {@code options} in a new JVM, pinned to
     * {@code cpus} ({@code taskset -c} list; null: not pinned); returns once it serves.
     */
    static JobProcess start(String job, long catalogue, Map<String, String> options, String name, Path outDir,
            String cpus, Progress progress, Duration timeout) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (cpus != null) {
            cmd.addAll(List.of("taskset", "-c", cpus));
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions(name, outDir));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), JobProcess.class.getName(), job,
                Long.toString(catalogue)));
        options.forEach((k, v) -> cmd.addAll(List.of("--" + k, v)));
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        JobProcess p = new JobProcess(process, name, outDir.resolve("job-" + name + ".log"));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = p.replies.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals("EXITED")) {
                p.close();
                throw new IllegalStateException(name + ": the job's JVM " + (line == null ? "did not get ready within "
                        + timeout.toSeconds() + " s" : "ended") + "; see " + outDir.resolve("job-" + name + ".log"));
            }
            if (line.equals("READY")) {
                return p;
            }
            progress.line(line.substring("PROGRESS ".length()));
        }
    }

    /**
     * This JVM's options (heap, module openings, system properties) without agents or recordings, plus
     * {@link #JVM_OPTIONS_PROPERTY}'s.
     */
    private static List<String> jvmOptions(String name, Path outDir) {
        List<String> options = new ArrayList<>();
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!arg.startsWith("-agentlib") && !arg.startsWith("-javaagent") && !arg.startsWith("-XX:StartFlightRecording")
                    && !arg.startsWith("-D" + JVM_OPTIONS_PROPERTY) && !arg.startsWith("-Dbench.log.file")) {
                options.add(arg);
            }
        }
        for (String flag : JvmModuleFlags.list()) {
            if (!options.contains(flag)) {
                options.add(flag);
            }
        }
        options.add("-Dbench.log.file=" + outDir.resolve("job-" + name + "-flink.log"));
        String extra = System.getProperty(JVM_OPTIONS_PROPERTY, "").trim();
        if (!extra.isEmpty()) {
            options.addAll(Arrays.asList(extra.replace("{run}", name).split("\\s+")));
        }
        return options;
    }

    long pid() {
        return process.pid();
    }

    /** CPU time of the job's JVM so far (user + system, from the OS). */
    long cpuNanos() {
        return ProcessCpu.nanos(process.pid());
    }

    /**
     * What the job's JVM reports: the model's ranking time (p50, p95, mean in microseconds), candidate reuse
     * counts, and the checkpoints completed since the job started with the median and largest duration (ms)
     * of those seen; null where none.
     */
    record Metrics(Double rankingP50, Double rankingP95, Double rankingMean, Long reused, Long retrieved,
            Long checkpoints, Long checkpointMillisP50, Long checkpointMillisMax) {
        /** bench.json's {@code checkpoints}: count, p50 and max duration; null before the first. */
        Map<String, Object> checkpointReport() {
            if (checkpoints == null || checkpoints == 0) {
                return null;
            }
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("completed", checkpoints);
            m.put("duration_ms_p50", checkpointMillisP50);
            m.put("duration_ms_max", checkpointMillisMax);
            return m;
        }
    }

    Metrics metrics() throws InterruptedException {
        commands.println("metrics");
        String line = replies.poll(30, TimeUnit.SECONDS);
        if (line == null || !line.startsWith("METRICS")) {
            throw new IllegalStateException(name + ": the job's JVM did not answer 'metrics' (" + line + ")");
        }
        Map<String, String> f = new java.util.HashMap<>();
        for (String pair : line.substring("METRICS".length()).trim().split(" ")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                f.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return new Metrics(number(f.get("ranking_p50")), number(f.get("ranking_p95")), number(f.get("ranking_mean")),
                whole(f.get("reused")), whole(f.get("retrieved")), whole(f.get("checkpoints")),
                whole(f.get("checkpoint_ms_p50")), whole(f.get("checkpoint_ms_max")));
    }

    private static Double number(String s) {
        return s == null ? null : Double.valueOf(s);
    }

    private static Long whole(String s) {
        return s == null ? null : Long.valueOf(s);
    }

    /** Cancels the job and waits for its JVM to end (killed after 90 s). */
    @Override
    public void close() {
        commands.println("stop");
        commands.close();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The job's JVM: {@code <job> <catalogue size> --option value ...}. */
    public static void main(String[] args) {
        PrintStream protocol = System.out;
        System.setOut(System.err); // logs and anything else printed stay out of the protocol
        try {
            serve(args, protocol);
        } catch (Throwable t) {
            t.printStackTrace(); // to the log; Flink's threads would otherwise keep this JVM alive
            System.exit(1);
        }
    }

    private static void serve(String[] args, PrintStream protocol) throws Exception {
        String job = args[0];
        long catalogue = Long.parseLong(args[1]);
        Map<String, String> options = JobConfig.argsToMap(Arrays.copyOfRange(args, 2, args.length));
        InProcessMetrics.configure(options);
        Configuration config = JobConfig.fromMap(options);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        if (job.equals("passthrough")) {
            PassThroughJob.build(env, config);
        } else {
            RecommendationJob.onKafka(config).build(env);
        }
        JobClient client = env.executeAsync(options.getOrDefault("job.name", job));
        Consumer<String> progress = text -> {
            protocol.println("PROGRESS " + text);
            protocol.flush();
        };
        CheckpointDurations checkpoints = CheckpointDurations.sampleEvery(Duration.ofMillis(200));
        if (job.equals("model")) {
            awaitCatalogueEncoded(job, catalogue, progress);
        }
        protocol.println("READY");
        protocol.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null && !line.equals("stop"); ) {
            if (line.equals("metrics")) {
                protocol.println("METRICS " + metricsLine(checkpoints));
                protocol.flush();
            }
        }
        try {
            client.cancel().get(60, TimeUnit.SECONDS);
            client.getJobExecutionResult().handle((r, e) -> null).get(60, TimeUnit.SECONDS);
        } finally {
            System.exit(0);
        }
    }

    private static String metricsLine(CheckpointDurations checkpoints) {
        String op = MetricNames.RANK_OPERATOR;
        String metric = MetricNames.RANKING_LATENCY_MICROS;
        StringBuilder line = new StringBuilder();
        Double p50 = InProcessMetrics.histogramQuantile(op, metric, 0.5);
        if (p50 != null) {
            append(line, "ranking_p50", p50);
            append(line, "ranking_p95", InProcessMetrics.histogramQuantile(op, metric, 0.95));
            append(line, "ranking_mean", InProcessMetrics.histogramMean(op, metric));
        }
        if (!InProcessMetrics.gaugeValues(op, MetricNames.CANDIDATES_REUSED).isEmpty()) {
            line.append(" reused=").append(InProcessMetrics.gaugeSum(op, MetricNames.CANDIDATES_REUSED));
            line.append(" retrieved=").append(InProcessMetrics.gaugeSum(op, MetricNames.CANDIDATES_RETRIEVED));
        }
        line.append(checkpoints.summary());
        return line.toString().trim();
    }

    private static void append(StringBuilder line, String key, Double value) {
        if (value != null) {
            line.append(' ').append(key).append('=').append(String.format(Locale.ROOT, "%.1f", value));
        }
    }

    /** The model ranks only encoded items: waits until every catalogue item left the encoder. */
    private static void awaitCatalogueEncoded(String job, long catalogue, Consumer<String> progress)
            throws InterruptedException {
        long t = System.nanoTime();
        long last = -1;
        long lastChange = System.nanoTime();
        ProgressLine line = new ProgressLine(progress, job + ": encoded", "catalogue items", Duration.ofSeconds(5));
        while (true) {
            long encoded = InProcessMetrics.sum(PipelineBenchmark.ITEM_VECTORS_OPERATOR, "numRecordsOut");
            if (encoded >= catalogue) {
                break;
            }
            if (encoded != last) {
                last = encoded;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > TimeUnit.SECONDS.toNanos(120)) {
                throw new IllegalStateException(job + ": item encoding stalled at " + encoded);
            }
            line.update(encoded, catalogue);
            Thread.sleep(100);
        }
        double s = (System.nanoTime() - t) / 1e9;
        progress.accept(String.format(Locale.ROOT, "%s: catalogue of %,d items encoded in %.1f s (%,.0f items/s)", job,
                catalogue, s, catalogue / s));
        Thread.sleep(2000); // the broadcast reaches every ranker subtask
    }
}
