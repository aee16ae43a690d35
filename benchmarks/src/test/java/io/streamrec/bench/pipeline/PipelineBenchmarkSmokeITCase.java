package io.streamrec.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness end to end on a few hundred events: real broker, pass-through job only in a pinned JVM of its own, at-least-once. */
class PipelineBenchmarkSmokeITCase {

    @Test
    void passThroughOnlyWritesBenchJson(@TempDir Path out) throws Exception {
        BenchSettings settings = BenchSettings.parse(new String[] {"--jobs", "passthrough", "--events", "300",
                "--warmup-events", "100", "--rate", "100", "--latency-seconds", "2", "--latency-settle-seconds", "1",
                "--no-exactly-once", "--latency-sweep", "0.05",
                "--out", out.toString(), "--checkpoint-interval", "1 s", "--max-drains", "2", "--warm-seconds", "0",
                "--pin"});
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        PipelineBenchmark.run(settings, new PrintStream(progress, true, StandardCharsets.UTF_8));

        JsonNode json = new ObjectMapper().readTree(Files.readString(out.resolve("bench.json")));
        JsonNode pt = json.path("jobs").path("passthrough");
        assertThat(pt.path("events_per_s").asDouble()).isGreaterThan(0);
        assertThat(pt.path("ratio_to_passthrough").asDouble()).isEqualTo(1.0);
        assertThat(pt.path("saturation_events").asLong()).isEqualTo(300);
        // The job ran in a JVM of its own, pinned to CPU 0; the feed and the tail here, on the other CPUs.
        assertThat(pt.path("job_drain_cpu_s").asDouble()).isPositive();
        assertThat(pt.path("benchmark_drain_cpu_s").asDouble()).isPositive();
        assertThat(pt.path("events_per_job_cpu_s").asDouble())
                .isCloseTo(300 / pt.path("job_drain_cpu_s").asDouble(), withinPercentage(1));
        assertThat(pt.path("job_cpu_ratio_to_passthrough").asDouble()).isEqualTo(1.0);
        assertThat(pt.path("job_cpus").asText()).isEqualTo("0");
        // Checkpoints every second over the run, each seen with its duration, from the job's own metrics.
        JsonNode checkpoints = pt.path("checkpoints");
        assertThat(checkpoints.path("completed").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(checkpoints.path("duration_ms_max").asLong())
                .isGreaterThanOrEqualTo(checkpoints.path("duration_ms_p50").asLong()).isPositive();
        assertThat(pt.path("benchmark_cpus").asText()).isNotEmpty().doesNotStartWith("0");
        assertThat(pt.path("drain_complete").asBoolean()).isTrue();
        // A second drain always follows the first (which runs while the JIT still compiles); the last is reported.
        assertThat(pt.path("drains_events_per_s")).hasSize(2);
        assertThat(pt.path("drains_events_per_s").get(1).asLong()).isEqualTo(pt.path("events_per_s").asLong());
        for (String p : new String[] {"p50", "p95", "p99", "max"}) {
            assertThat(pt.path("latency_ms").has(p)).as(p).isTrue();
        }
        // 2 s at 100/s measured; the second sent before it to settle is not.
        assertThat(pt.path("latency_ms").path("count").asLong()).isBetween(150L, 205L);
        long inTimeline = 0;
        for (JsonNode window : pt.path("latency_timeline_ms")) {
            inTimeline += window.path("count").asLong();
        }
        assertThat(inTimeline).isEqualTo(pt.path("latency_ms").path("count").asLong());
        assertThat(json.path("settings").path("latency_settle_seconds").asDouble()).isEqualTo(1.0);
        // One more phase at 5 % of the measured saturation, with its own samples only.
        JsonNode sweep = pt.path("latency_sweep_ms");
        assertThat(sweep).hasSize(1);
        double sweepRate = sweep.get(0).path("rate").asDouble();
        assertThat(sweep.get(0).path("fraction").asDouble()).isEqualTo(0.05);
        assertThat(sweepRate).isCloseTo(Math.max(1, pt.path("events_per_s").asDouble() * 0.05), within(1.0));
        assertThat(sweep.get(0).path("complete").asBoolean()).isTrue();
        assertThat(sweep.get(0).path("count").asDouble()).isBetween(0.7 * 2 * sweepRate, 2 * sweepRate + 5);
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("passthrough: latency sweep at 5 % of saturation");
        assertThat(pt.path("latency_ms").path("max").asLong())
                .isGreaterThanOrEqualTo(pt.path("latency_ms").path("p50").asLong());
        assertThat(pt.path("dead_letters").path("count").asLong()).isZero();
        assertThat(json.path("machine").path("cores").asInt()).isGreaterThanOrEqualTo(2); // the machine's, not the pinned share
        assertThat(json.path("machine").has("load_avg")).isTrue();
        assertThat(json.path("machine").has("java")).isTrue();
        assertThat(json.path("machine").path("dot_products").asText()).startsWith("SIMD");
        assertThat(json.path("state").path("type_information").path("UserProfile").asText()).isEqualTo("POJO");
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("passthrough: drained 300 events");
    }
}
