package io.streamrec.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchJsonTest {

    @Test
    void writesJson() {
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("p50", 3L);
        latency.put("max", 12L);
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("events_per_s", 61234L);
        job.put("latency_ms", latency);
        job.put("ratio", 0.5);
        job.put("rate", 100.0);
        job.put("empty", new LinkedHashMap<>());
        job.put("nan", Double.NaN);
        job.put("note", "a \"quoted\"\tline\n");
        job.put("list", List.of(1, "x", true));
        job.put("none", null);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("jobs", Map.of("passthrough", job));
        assertThat(BenchJson.write(root)).isEqualTo("""
                {
                  "jobs": {
                    "passthrough": {
                      "events_per_s": 61234,
                      "latency_ms": {
                        "p50": 3,
                        "max": 12
                      },
                      "ratio": 0.5,
                      "rate": 100.0,
                      "empty": {},
                      "nan": null,
                      "note": "a \\"quoted\\"\\tline\\n",
                      "list": [1, "x", true],
                      "none": null
                    }
                  }
                }
                """);
    }

    @Test
    void roundsAndOrders() {
        assertThat(BenchJson.round(0.99204, 4)).isEqualTo(0.992);
        assertThat(BenchJson.round(Double.NaN, 2)).isNaN();
        assertThat(BenchJson.write(BenchJson.object("b", 1, "a", 2.5f))).isEqualTo("{\n  \"b\": 1,\n  \"a\": 2.5\n}\n");
    }
}
