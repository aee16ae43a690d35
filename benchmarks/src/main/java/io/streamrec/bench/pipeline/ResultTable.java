package io.streamrec.bench.pipeline;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The table printed at the end: each job's rate, its ratio to the ceiling and its latencies. */
final class ResultTable {
    private ResultTable() {}

    /** The table of {@code result}, the content of bench.json. */
    @SuppressWarnings("unchecked")
    static String of(Map<String, Object> result) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%n%-12s %11s %7s %15s %7s | %-28s | %-28s%n", "job", "events/s", "ratio",
                "ev/job-CPU-s", "ratio", "at-least-once p50/p95/p99/max", "exactly-once p50/p95/p99/max"));
        Map<String, Object> jobs = (Map<String, Object>) result.get("jobs");
        for (Map.Entry<String, Object> e : jobs.entrySet()) {
            Map<String, Object> r = (Map<String, Object>) e.getValue();
            sb.append(String.format(Locale.ROOT, "%-12s %11s %7s %15s %7s | %-28s | %-28s%n", e.getKey(),
                    String.format(Locale.ROOT, "%,d", ((Number) r.get("events_per_s")).longValue()),
                    ratio(r.get("ratio_to_passthrough")),
                    String.format(Locale.ROOT, "%,d", ((Number) r.get("events_per_job_cpu_s")).longValue()),
                    ratio(r.get("job_cpu_ratio_to_passthrough")),
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

    private static String ratio(Object ratio) {
        return ratio == null ? "-" : String.format(Locale.ROOT, "%.3f", ((Number) ratio).doubleValue());
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
}
