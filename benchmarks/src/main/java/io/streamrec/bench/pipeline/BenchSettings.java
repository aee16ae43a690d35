package io.streamrec.bench.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Options of {@code scripts/bench.sh pipeline}; see {@link #USAGE}. */
final class BenchSettings {
    static final String USAGE = String.join("\n",
            "usage: bench.sh pipeline [options] [-- job options]",
            "  --events N            most events drained at saturation per job (default 3000000; quick 100000);",
            "                        the count is sized from the warm-up rate (x3) to take about --drain-seconds",
            "  --rate R              latency phase: events/s for every job (default: half of that job's",
            "                        measured saturation)",
            "  --parallelism P       job parallelism on the local cluster (default 2)",
            "  --catalogue C         items with text in the catalogue (default 10000)",
            "  --users U             synthetic users (default 10000)",
            "  --out DIR             where bench.json goes (default target/bench)",
            "  --quick               a ~3-5 minute run (shorter phases)",
            "  --jobs LIST           passthrough,baseline,model (default all three)",
            "  --no-exactly-once     skip the exactly-once latency runs",
            "  --drain-seconds S     target length of the saturation drain (default 20; quick 8)",
            "  --warm-seconds S      full-speed drain time before a drain may be reported: the JIT of the job's and",
            "                        the broker's JVM compiles for about a minute at full speed (default 60; quick 10)",
            "  --max-drains N        saturation drains per job: repeated until one that started after",
            "                        --warm-seconds agrees with the one before within --steady-within; the last",
            "                        is reported (default 6; quick 2)",
            "  --steady-within F     relative difference of two drains taken as steady (default 0.1)",
            "  --latency-seconds S   length of each latency phase (default 30; quick 10)",
            "  --latency-settle-seconds S  at-least-once phase: events sent at the rate before measuring, so the",
            "                        transient after a saturation drain is not counted (default 5; quick 2)",
            "  --latency-sweep F,... after the latency phase, one more per fraction of the job's saturation (e.g.",
            "                        0.05,0.1,0.25): settle, then --latency-seconds measured; latency_sweep_ms in",
            "                        bench.json (default none)",
            "  --checkpoint-interval D  (default 5 s)",
            "  --feed-linger-ms L    linger.ms of the latency phase's event producer (default 5, Kafka's default;",
            "                        an event's latency starts when it is handed to the producer, so it includes this)",
            "  --bootstrap HOST:PORT use a running broker instead of starting one",
            "  --seed S              workload seed (default 42)",
            "  -- --key value ...    further options for the product jobs (e.g. --encoder.threads 2)");

    long events = -1;
    double rate;
    int parallelism = 2;
    int catalogue = 10_000;
    int users = 10_000;
    Path out = Path.of("target/bench");
    boolean quick;
    List<String> jobs = List.of("passthrough", "baseline", "model");
    boolean exactlyOnce = true;
    double drainSeconds = -1;
    int maxDrains = -1;
    double warmSeconds = -1;
    double steadyWithin = 0.1;
    double latencySeconds = -1;
    double latencySettleSeconds = -1;
    List<Double> latencySweep = List.of();
    String checkpointInterval = "5 s";
    int feedLingerMs = 5;
    String bootstrap;
    long seed = 42;
    long warmupEvents = -1;
    long modelWarmupEvents = -1;
    String commit = "";
    final Map<String, String> jobOptions = new LinkedHashMap<>();
    final List<String> commandLine = new ArrayList<>();

    static BenchSettings parse(String[] args) {
        BenchSettings s = new BenchSettings();
        s.commandLine.addAll(Arrays.asList(args));
        int i = 0;
        for (; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                i++;
                break;
            }
            switch (a) {
                case "--quick" -> s.quick = true;
                case "--no-exactly-once" -> s.exactlyOnce = false;
                case "--events" -> s.events = Long.parseLong(value(args, ++i, a));
                case "--rate" -> s.rate = Double.parseDouble(value(args, ++i, a));
                case "--parallelism" -> s.parallelism = Integer.parseInt(value(args, ++i, a));
                case "--catalogue" -> s.catalogue = Integer.parseInt(value(args, ++i, a));
                case "--users" -> s.users = Integer.parseInt(value(args, ++i, a));
                case "--out" -> s.out = Path.of(value(args, ++i, a));
                case "--jobs" -> s.jobs = List.of(value(args, ++i, a).split(","));
                case "--drain-seconds" -> s.drainSeconds = Double.parseDouble(value(args, ++i, a));
                case "--max-drains" -> s.maxDrains = Integer.parseInt(value(args, ++i, a));
                case "--warm-seconds" -> s.warmSeconds = Double.parseDouble(value(args, ++i, a));
                case "--steady-within" -> s.steadyWithin = Double.parseDouble(value(args, ++i, a));
                case "--latency-seconds" -> s.latencySeconds = Double.parseDouble(value(args, ++i, a));
                case "--latency-settle-seconds" -> s.latencySettleSeconds = Double.parseDouble(value(args, ++i, a));
                case "--latency-sweep" -> s.latencySweep = fractions(value(args, ++i, a));
                case "--checkpoint-interval" -> s.checkpointInterval = value(args, ++i, a);
                case "--feed-linger-ms" -> s.feedLingerMs = Integer.parseInt(value(args, ++i, a));
                case "--bootstrap" -> s.bootstrap = value(args, ++i, a);
                case "--seed" -> s.seed = Long.parseLong(value(args, ++i, a));
                case "--warmup-events" -> s.warmupEvents = Long.parseLong(value(args, ++i, a));
                case "--model-warmup-events" -> s.modelWarmupEvents = Long.parseLong(value(args, ++i, a));
                case "--commit" -> s.commit = value(args, ++i, a);
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
        }
        for (; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("job options are --key value, got " + a);
            }
            String key = a.substring(2);
            int eq = key.indexOf('=');
            if (eq > 0) {
                s.jobOptions.put(key.substring(0, eq), key.substring(eq + 1));
            } else {
                s.jobOptions.put(key, value(args, ++i, a));
            }
        }
        for (String job : s.jobs) {
            if (!List.of("passthrough", "baseline", "model").contains(job)) {
                throw new IllegalArgumentException("unknown job " + job + " (passthrough, baseline, model)");
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
        if (s.maxDrains < 0) {
            s.maxDrains = s.quick ? 2 : 6;
        }
        if (s.warmSeconds < 0) {
            s.warmSeconds = s.quick ? 10 : 60;
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

    private static List<Double> fractions(String list) {
        List<Double> out = new ArrayList<>();
        for (String f : list.split(",")) {
            double v = Double.parseDouble(f.trim());
            if (!(v > 0 && v <= 1)) {
                throw new IllegalArgumentException("--latency-sweep takes fractions of saturation in (0, 1], got " + f);
            }
            out.add(v);
        }
        return List.copyOf(out);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
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
        m.put("state_backend", "rocksdb (incremental checkpoints)");
        m.put("recommend.min-interval", "0 ms (one recommendation per event)");
        m.put("seed", seed);
        m.put("job_options", new LinkedHashMap<>(jobOptions));
        return m;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "events<=%d rate=%s parallelism=%d catalogue=%d users=%d quick=%s jobs=%s",
                events, rate > 0 ? Double.toString(rate) : "half-saturation", parallelism, catalogue, users, quick, jobs);
    }
}
