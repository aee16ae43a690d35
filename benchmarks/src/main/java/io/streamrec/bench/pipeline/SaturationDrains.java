package io.streamrec.bench.pipeline;

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
    record Drain(long received, double seconds, long jobCpuNanos, long benchmarkCpuNanos, long brokerCpuNanos,
            boolean complete, String load) {
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
            // The job's JVM alone: the figure the throughput goals are stated in.
            r.put("job_drain_cpu_s", seconds(last.jobCpuNanos));
            r.put("events_per_job_cpu_s", Math.round(last.received / (last.jobCpuNanos / 1e9)));
            r.put("benchmark_drain_cpu_s", seconds(last.benchmarkCpuNanos));
            r.put("broker_drain_cpu_s", last.brokerCpuNanos < 0 ? null : seconds(last.brokerCpuNanos));
            r.put("events_per_s", Math.round(eventsPerS()));
            r.put("saturation_events", events);
            r.put("drain_s", Math.round(last.seconds * 1000) / 1000.0);
            r.put("drain_complete", last.complete);
            r.put("load_avg_before_drain", last.load);
            return r;
        }

        private static double seconds(long nanos) {
            return Math.round(nanos / 1e6) / 1000.0;
        }
    }

    /** Drains until steady, after a warm-up of {@code warmup} events that ran at {@code warmRate} events/s. */
    Saturation measure(String job, JobProcess process, EventFeed feed, RecommendationTail tail, long warmup,
            double warmRate)
            throws Exception {
        // Sized from the warm-up rate (cold, so low: hence x3) to drain for about --drain-seconds, at most
        // --events.
        long measured = Math.min(settings.events, Math.max(1000,
                Math.round(warmRate * settings.drainSeconds * 3)));
        progress.line(String.format(Locale.ROOT, "%s: warm-up %,d events at ~%,.0f/s; writing %,d events "
                + "in advance (uncommitted)", job, warmup, warmRate, measured));
        Drain d = drain(job, process, feed, tail, warmup, measured);
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
            Drain next = drain(job, process, feed, tail, tail.count(), again);
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
    private Drain drain(String job, JobProcess process, EventFeed feed, RecommendationTail tail, long before, long count)
            throws Exception {
        feed.sendUncommitted(count);
        Thread.sleep(1000);
        String load = machine.sampleLoad(job + " saturation");
        long jobCpu0 = process.cpuNanos();
        long ownCpu0 = ProcessCpu.ownNanos();
        long brokerCpu0 = ProcessCpu.nanos(brokerPid);
        long t0 = System.currentTimeMillis();
        feed.commit();
        boolean drained = tail.awaitCount(before + count, Duration.ofSeconds(60), progress, job + " drain");
        long jobCpu = process.cpuNanos() - jobCpu0;
        long ownCpu = ProcessCpu.ownNanos() - ownCpu0;
        long brokerCpu = brokerCpu0 < 0 ? -1 : ProcessCpu.nanos(brokerPid) - brokerCpu0;
        long received = tail.count() - before;
        double seconds = (tail.maxAppendTime() - t0) / 1000.0;
        progress.line(String.format(Locale.ROOT, "%s: drained %,d events in %.2f s: %,.0f events/s%s; CPU "
                + "%.1f s in the job (%,.0f events per job CPU-second), %.1f s in the benchmark's feed and tail, "
                + "%.1f s in the broker", job, received, seconds, received / seconds, drained ? "" : " (INCOMPLETE)",
                jobCpu / 1e9, received / (jobCpu / 1e9), ownCpu / 1e9, brokerCpu / 1e9));
        return new Drain(received, seconds, jobCpu, ownCpu, brokerCpu, drained, load);
    }
}
