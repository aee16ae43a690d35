package io.streamrec.bench.pipeline;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A job's rate at saturation: events written in advance inside one open Kafka transaction (invisible to the
 * job's read_committed sources), committed at once and timed until the last recommendation's broker append
 * time; drains repeated until the rate is steady.
 */
final class SaturationDrains {
    private final BenchSettings settings;
    private final Progress progress;
    private final Machine machine;
    private final long brokerPid;

    /** @param brokerPid the broker process we started, for its CPU time; -1 when the broker is not ours */
    SaturationDrains(BenchSettings settings, Progress progress, Machine machine, long brokerPid) {
        this.settings = settings;
        this.progress = progress;
        this.machine = machine;
        this.brokerPid = brokerPid;
    }

    /** One saturation drain: its events written in advance, invisible until committed, then timed. */
    record Drain(long received, double seconds, long cpuNanos, long brokerCpuNanos, boolean complete,
            String load) {
        double eventsPerS() {
            return received / seconds;
        }
    }

    /** The drains of one run: the last is reported, the rates of all are kept. */
    record Saturation(Drain last, long events, List<Long> rates, boolean steady) {
        double eventsPerS() {
            return last.eventsPerS();
        }

        /** The saturation keys of a job's entry in bench.json, in their order there. */
        Map<String, Object> report() {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("drains_events_per_s", rates);
            r.put("steady", steady);
            r.put("drain_cpu_s", Math.round(last.cpuNanos / 1e6) / 1000.0);
            r.put("events_per_cpu_s", Math.round(last.received / (last.cpuNanos / 1e9)));
            r.put("broker_drain_cpu_s", last.brokerCpuNanos < 0 ? null
                    : Math.round(last.brokerCpuNanos / 1e6) / 1000.0);
            r.put("events_per_s", Math.round(eventsPerS()));
            r.put("saturation_events", events);
            r.put("drain_s", Math.round(last.seconds * 1000) / 1000.0);
            r.put("drain_complete", last.complete);
            r.put("load_avg_before_drain", last.load);
            return r;
        }
    }

    /** Drains until steady, after a warm-up of {@code warmup} events that ran at {@code warmRate} events/s. */
    Saturation measure(String job, EventFeed feed, RecommendationTail tail, long warmup, double warmRate)
            throws Exception {
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
        return new Saturation(d, measured, rates, steady);
    }

    /** Writes {@code count} events in one open transaction, commits and times until the last recommendation. */
    private Drain drain(String job, EventFeed feed, RecommendationTail tail, long before, long count) throws Exception {
        feed.sendUncommitted(count);
        Thread.sleep(1000);
        String load = machine.sampleLoad(job + " saturation");
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
}
