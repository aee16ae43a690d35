package io.streamrec.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

class LatencyStatsTest {

    @Test
    void nearestRankPercentilesOfTwentySamples() {
        // 1..20 ms, added in reverse: sorted they are 1, 2, ..., 20.
        LatencyStats stats = new LatencyStats();
        for (int i = 20; i >= 1; i--) {
            stats.add(i);
        }
        Map<String, Object> s = stats.summary();
        // p50: rank ceil(0.50 * 20) = 10 -> 10; p95: ceil(19.0) = 19 -> 19; p99: ceil(19.8) = 20 -> 20.
        assertThat(s.get("p50")).isEqualTo(10L);
        assertThat(s.get("p95")).isEqualTo(19L);
        assertThat(s.get("p99")).isEqualTo(20L);
        assertThat(s.get("max")).isEqualTo(20L);
        assertThat(s.get("count")).isEqualTo(20);
        assertThat(s.get("mean")).isEqualTo(10.5);
    }

    @Test
    void percentilesOfAHundredAndOneSamplesWithATail() {
        // 100 samples of 5 ms and one of 900 ms: p99 is rank ceil(99.99) = 100 -> 5; max 900.
        long[] sorted = new long[101];
        java.util.Arrays.fill(sorted, 5);
        sorted[100] = 900;
        assertThat(LatencyStats.percentile(sorted, 50)).isEqualTo(5);
        assertThat(LatencyStats.percentile(sorted, 99)).isEqualTo(5);
        assertThat(LatencyStats.percentile(sorted, 99.5)).isEqualTo(900); // ceil(100.495) = 101
        assertThat(LatencyStats.percentile(sorted, 100)).isEqualTo(900);
    }

    @Test
    void timelineSplitsByEventTimeWindows() {
        LatencyStats stats = new LatencyStats();
        long start = 1_000_000;
        stats.add(start - 1, 999); // before the phase: left out
        for (int i = 0; i < 10; i++) {
            stats.add(start + i * 100, 10 + i); // window 0: 10..19 ms
            stats.add(start + 5_000 + i * 100, 200 + i); // window 1: 200..209 ms
        }
        stats.add(start + 12_345, 7); // window 2, one sample
        List<Map<String, Object>> t = stats.timeline(start, 5_000);
        assertThat(t).hasSize(3);
        assertThat(t.get(0)).containsEntry("from_s", 0.0).containsEntry("p50", 14L).containsEntry("p99", 19L)
                .containsEntry("count", 10);
        assertThat(t.get(1)).containsEntry("from_s", 5.0).containsEntry("p50", 204L).containsEntry("count", 10);
        assertThat(t.get(2)).containsEntry("from_s", 10.0).containsEntry("p50", 7L).containsEntry("count", 1);
        assertThat(stats.count()).isEqualTo(22);
        assertThatThrownBy(() -> stats.timeline(start, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void smallSamplesAndEmpty() {
        assertThat(LatencyStats.percentile(new long[] {7}, 50)).isEqualTo(7);
        assertThat(LatencyStats.percentile(new long[] {3, 9}, 50)).isEqualTo(3); // rank ceil(1.0) = 1
        assertThat(LatencyStats.percentile(new long[] {3, 9}, 51)).isEqualTo(9); // rank ceil(1.02) = 2
        assertThat(LatencyStats.percentile(new long[0], 99)).isEqualTo(-1);
        assertThat(new LatencyStats().summary()).containsEntry("p50", -1L).containsEntry("count", 0);
        assertThatThrownBy(() -> LatencyStats.percentile(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void growsBeyondItsInitialCapacity() {
        LatencyStats stats = new LatencyStats();
        for (int i = 1; i <= 5000; i++) {
            stats.add(i);
        }
        assertThat(stats.summary()).containsEntry("p50", 2500L).containsEntry("p99", 4950L).containsEntry("max", 5000L);
        stats.clear();
        stats.add(9);
        assertThat(stats.summary()).containsEntry("count", 1).containsEntry("p50", 9L).containsEntry("max", 9L);
    }

    @Test
    void parsesOptions() {
        BenchSettings s = BenchSettings.parse(new String[] {"--quick", "--jobs", "passthrough,model", "--rate", "500",
                "--", "--execution.buffer-timeout", "10 ms", "--encoder.threads=2"});
        assertThat(s.events).isEqualTo(100_000);
        assertThat(s.jobs).containsExactly("passthrough", "model");
        assertThat(s.rate).isEqualTo(500.0);
        assertThat(s.jobOptions).containsEntry("execution.buffer-timeout", "10 ms").containsEntry("encoder.threads", "2");
        assertThatThrownBy(() -> BenchSettings.parse(new String[] {"--jobs", "nope"}))
                .isInstanceOf(IllegalArgumentException.class);
        // Drains: a minute of full-speed draining before one is reported (quick runs: 10 s, two drains).
        BenchSettings full = BenchSettings.parse(new String[0]);
        assertThat(full.events).isEqualTo(3_000_000);
        assertThat(full.warmSeconds).isEqualTo(60.0);
        assertThat(full.maxDrains).isEqualTo(6);
        assertThat(s.warmSeconds).isEqualTo(10.0);
        assertThat(s.maxDrains).isEqualTo(2);
        assertThatThrownBy(() -> BenchSettings.parse(new String[] {"--max-drains", "0"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(full.latencySweep).isEmpty();
        assertThat(BenchSettings.parse(new String[] {"--latency-sweep", "0.05, 0.25,1"}).latencySweep)
                .containsExactly(0.05, 0.25, 1.0);
        assertThatThrownBy(() -> BenchSettings.parse(new String[] {"--latency-sweep", "0.1,2"}))
                .hasMessageContaining("fractions of saturation in (0, 1], got 2");
        assertThat(full.exactlyOnce).isTrue();
        assertThat(BenchSettings.parse(new String[] {"--no-exactly-once"}).exactlyOnce).isFalse();
        assertThatThrownBy(() -> BenchSettings.parse(new String[] {"--rat", "5"}))
                .isInstanceOf(ParameterException.class).hasMessageContaining("'--rat'");
        assertThatThrownBy(() -> BenchSettings.parse(new String[] {"--events", "many"}))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--events").hasMessageContaining("'many'");
        assertThat(BenchSettings.usage()).contains("--latency-sweep=F[,F...]").contains("--[no-]exactly-once")
                .contains("quick 100000").contains("Default: 10000").doesNotContain("Default: -1");
    }
}
