package io.streamrec.bench.pipeline;

import io.streamrec.config.JobConfig;
import io.streamrec.local.CommandLines;
import io.streamrec.local.HelpOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options of {@code scripts/bench.sh pipeline}, parsed by picocli ({@code --help} lists them); a value of -1
 * stands for "the default of a full or a --quick run", resolved by {@link #parse}.
 */
@Command(name = "bench.sh pipeline", sortOptions = false, showDefaultValues = true,
        description = "End to end on one Kafka broker and Flink's local cluster: a pass-through job (the ceiling), "
                + "the product job with the baseline and with the model; events/s at saturation, latency at a "
                + "fixed rate. Writes DIR/bench.json.",
        footer = {"", "After --: further options of the product jobs, e.g. -- --encoder.threads 2."})
final class BenchSettings {
    private static final List<String> JOBS = List.of("passthrough", "baseline", "model");

    @Mixin
    HelpOption help;

    @Option(names = "--events", paramLabel = "N", defaultValue = "-1", showDefaultValue = Visibility.NEVER,
            description = {"Most events drained at saturation per job (default 3000000; quick 100000); the count is "
                    + "sized from the warm-up rate (x3) to take about --drain-seconds."})
    long events;

    @Option(names = "--rate", paramLabel = "R", showDefaultValue = Visibility.NEVER,
            description = "Latency phase: events/s for every job (default: half of that job's measured saturation).")
    double rate;

    @Option(names = "--parallelism", paramLabel = "P", description = "Job parallelism on the local cluster.")
    int parallelism = 2;

    @Option(names = "--catalogue", paramLabel = "C", description = "Items with text in the catalogue.")
    int catalogue = 10_000;

    @Option(names = "--users", paramLabel = "U", description = "Synthetic users.")
    int users = 10_000;

    @Option(names = "--out", paramLabel = "DIR", description = "Where bench.json goes.")
    Path out = Path.of("target/bench");

    @Option(names = "--quick", description = "A ~3-5 minute run (shorter phases).")
    boolean quick;

    @Option(names = "--jobs", paramLabel = "JOB", split = ",", defaultValue = "passthrough,baseline,model",
            description = "Jobs to measure: passthrough, baseline, model.")
    List<String> jobs;

    @Option(names = "--exactly-once", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also measure exactly-once latency (--no-exactly-once skips those runs).")
    boolean exactlyOnce = true;

    @Option(names = "--drain-seconds", paramLabel = "S", defaultValue = "-1", showDefaultValue = Visibility.NEVER,
            description = "Target length of the saturation drain (default 20; quick 8).")
    double drainSeconds;

    @Option(names = "--warm-seconds", paramLabel = "S", defaultValue = "-1", showDefaultValue = Visibility.NEVER,
            description = "Full-speed drain time before a drain may be reported: the JIT of the job's and the "
                    + "broker's JVM compiles for about a minute at full speed, longer on one pinned core (default 60; "
                    + "with --pin 150; quick 10).")
    double warmSeconds;

    @Option(names = "--max-drains", paramLabel = "N", defaultValue = "-1", showDefaultValue = Visibility.NEVER,
            description = "Saturation drains per job: repeated until one that started after --warm-seconds agrees "
                    + "with the one before within --steady-within; the last is reported (default 6; with --pin 12; quick 2).")
    int maxDrains;

    @Option(names = "--steady-within", paramLabel = "F", description = "Relative difference of two drains taken as steady.")
    double steadyWithin = 0.1;

    @Option(names = "--latency-seconds", paramLabel = "S", defaultValue = "-1", showDefaultValue = Visibility.NEVER,
            description = "Length of each latency phase (default 30; quick 10).")
    double latencySeconds;

    @Option(names = "--latency-settle-seconds", paramLabel = "S", defaultValue = "-1",
            showDefaultValue = Visibility.NEVER,
            description = "At-least-once phase: events sent at the rate before measuring, so the transient after a "
                    + "saturation drain is not counted (default 5; quick 2).")
    double latencySettleSeconds;

    @Option(names = "--latency-sweep", paramLabel = "F", split = ",", showDefaultValue = Visibility.NEVER,
            description = "After the latency phase, one more per fraction of the job's saturation (e.g. "
                    + "0.05,0.1,0.25): settle, then --latency-seconds measured; latency_sweep_ms in bench.json.")
    List<Double> latencySweep;

    @Option(names = "--checkpoint-interval", paramLabel = "D", description = "The jobs' checkpoint interval.")
    String checkpointInterval = "5 s";

    @Option(names = "--feed-linger-ms", paramLabel = "L",
            description = "linger.ms of the latency phase's event producer (Kafka's default; an event's latency "
                    + "starts when it is handed to the producer, so it includes this).")
    int feedLingerMs = 5;

    @Option(names = "--pin", description = "Pins the job's JVM to CPU 0 and this JVM (load generator, tail) and the "
            + "broker to the other CPUs (taskset), so the job has a core of its own.")
    boolean pin;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Use a running broker instead of starting one.")
    String bootstrap;

    @Option(names = "--seed", paramLabel = "S", description = "Workload seed.")
    long seed = 42;

    @Option(names = "--warmup-events", paramLabel = "N", defaultValue = "-1", showDefaultValue = Visibility.NEVER,
            description = "Events of each job's warm-up (default min(--events, 20000; quick 10000)).")
    long warmupEvents;

    @Option(names = "--model-warmup-events", paramLabel = "N", defaultValue = "-1", showDefaultValue = Visibility.NEVER,
            description = "Events of the model job's warm-up (default min(--events, 2000; quick 1000)).")
    long modelWarmupEvents;

    /** Set by scripts/bench.sh: the commit bench.json names. */
    @Option(names = "--commit", hidden = true)
    String commit = "";

    final Map<String, String> jobOptions = new LinkedHashMap<>();
    final List<String> commandLine = new ArrayList<>();

    /** The generated usage: every option with its description and default. */
    static String usage() {
        return CommandLines.of(new BenchSettings()).getUsageMessage();
    }

    /**
     * The settings of {@code args}: the benchmark's options before {@code --} (a malformed one is a picocli
     * {@link picocli.CommandLine.ParameterException}), the product jobs' options after it; a value out of range
     * is an {@link IllegalArgumentException}.
     */
    static BenchSettings parse(String[] args) {
        BenchSettings s = new BenchSettings();
        s.commandLine.addAll(Arrays.asList(args));
        int split = Arrays.asList(args).indexOf("--");
        CommandLines.of(s).parseArgs(split < 0 ? args : Arrays.copyOf(args, split));
        if (split >= 0) {
            s.jobOptions.putAll(JobConfig.argsToMap(Arrays.copyOfRange(args, split + 1, args.length)));
        }
        for (String job : s.jobs) {
            if (!JOBS.contains(job)) {
                throw new IllegalArgumentException("unknown job " + job + " (passthrough, baseline, model)");
            }
        }
        s.latencySweep = s.latencySweep == null ? List.of() : List.copyOf(s.latencySweep);
        for (double f : s.latencySweep) {
            if (!(f > 0 && f <= 1)) {
                throw new IllegalArgumentException("--latency-sweep takes fractions of saturation in (0, 1], got " + f);
            }
        }
        if (s.events < 0) {
            // Enough for the pass-through to drain for ~20 s too (it reaches 150k events/s once warm): a drain of
            // a few seconds sees zero or one checkpoint (every 5 s), which swung the ceiling by 1.8x between runs.
            s.events = s.quick ? 100_000 : 3_000_000;
        }
        if (s.drainSeconds < 0) {
            s.drainSeconds = s.quick ? 8 : 20;
        }
        // A pinned job compiles on its own core: the model took ~150 s at full speed to reach its steady rate
        // (287 -> ~590 events/s in the first minute, ~1,050 after 150 s), against ~60 s unpinned.
        if (s.maxDrains < 0) {
            s.maxDrains = s.quick ? 2 : s.pin ? 12 : 6;
        }
        if (s.warmSeconds < 0) {
            s.warmSeconds = s.quick ? 10 : s.pin ? 150 : 60;
        }
        if (s.maxDrains < 1 || s.steadyWithin <= 0) {
            throw new IllegalArgumentException("--max-drains must be at least 1 and --steady-within positive");
        }
        if (s.latencySeconds < 0) {
            s.latencySeconds = s.quick ? 10 : 30;
        }
        if (s.latencySettleSeconds < 0) {
            s.latencySettleSeconds = s.quick ? 2 : 5;
        }
        if (s.warmupEvents < 0) {
            s.warmupEvents = Math.min(s.events, s.quick ? 10_000 : 20_000);
        }
        if (s.modelWarmupEvents < 0) {
            s.modelWarmupEvents = Math.min(s.events, s.quick ? 1_000 : 2_000);
        }
        return s;
    }

    long warmup(String job) {
        return job.equals("model") ? modelWarmupEvents : warmupEvents;
    }

    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max_events", events);
        m.put("rate", rate > 0 ? rate : "half of each job's saturation");
        m.put("parallelism", parallelism);
        m.put("catalogue_items", catalogue);
        m.put("users", users);
        m.put("quick", quick);
        m.put("drain_seconds_target", drainSeconds);
        m.put("warm_seconds", warmSeconds);
        m.put("max_drains", maxDrains);
        m.put("steady_within", steadyWithin);
        m.put("latency_seconds", latencySeconds);
        m.put("latency_settle_seconds", latencySettleSeconds);
        m.put("latency_sweep_fractions", latencySweep);
        m.put("checkpoint_interval", checkpointInterval);
        m.put("feed_linger_ms", feedLingerMs);
        m.put("job_jvm", pin ? "its own, pinned to CPU 0 (load generator, tail and broker on the others)"
                : "its own, not pinned");
        m.put("state_backend", "rocksdb (incremental checkpoints)");
        m.put("recommend.min-interval", "0 ms (one recommendation per event)");
        m.put("seed", seed);
        m.put("job_options", new LinkedHashMap<>(jobOptions));
        return m;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "events<=%d rate=%s parallelism=%d catalogue=%d users=%d quick=%s jobs=%s pin=%s",
                events, rate > 0 ? Double.toString(rate) : "half-saturation", parallelism, catalogue, users, quick, jobs,
                pin);
    }
}
