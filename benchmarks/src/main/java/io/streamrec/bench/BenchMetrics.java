package io.streamrec.bench;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * Live counters and gauges of the jobs running on the local cluster in this JVM, by operator name and metric name
 * (summed over subtasks), e.g. to wait until the catalogue is encoded. Registered as a Flink metric
 * reporter ({@code metrics.reporter.bench.factory.class}).
 */
public final class BenchMetrics {
    private static final Map<String, List<Counter>> COUNTERS = new ConcurrentHashMap<>();
    private static final Map<String, List<Gauge<?>>> GAUGES = new ConcurrentHashMap<>();

    private BenchMetrics() {}

    /** Sum over subtasks of counter {@code metric} of operator {@code operator}; 0 when not registered. */
    public static long sum(String operator, String metric) {
        long sum = 0;
        for (Counter c : COUNTERS.getOrDefault(operator + "|" + metric, List.of())) {
            sum += c.getCount();
        }
        return sum;
    }

    /** Sum over subtasks of numeric gauge {@code metric} of operator {@code operator}; 0 when not registered. */
    public static long gaugeSum(String operator, String metric) {
        long sum = 0;
        for (Gauge<?> g : GAUGES.getOrDefault(operator + "|" + metric, List.of())) {
            if (g.getValue() instanceof Number n) {
                sum += n.longValue();
            }
        }
        return sum;
    }

    /** Forgets every counter and gauge (between jobs). */
    public static void clear() {
        COUNTERS.clear();
        GAUGES.clear();
    }

    /** The reporter: keeps references to operator counters. */
    public static final class Reporter implements MetricReporter {
        @Override
        public void open(MetricConfig config) {}

        @Override
        public void close() {}

        @Override
        public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
            String operator = group.getAllVariables().get("<operator_name>");
            if (operator != null && metric instanceof Counter counter) {
                COUNTERS.computeIfAbsent(operator + "|" + name, k -> new CopyOnWriteArrayList<>()).add(counter);
            } else if (operator != null && metric instanceof Gauge<?> gauge) {
                GAUGES.computeIfAbsent(operator + "|" + name, k -> new CopyOnWriteArrayList<>()).add(gauge);
            }
        }

        @Override
        public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
            String operator = group.getAllVariables().get("<operator_name>");
            if (operator != null) {
                List<Counter> list = COUNTERS.get(operator + "|" + name);
                if (list != null) {
                    list.remove(metric);
                }
                List<Gauge<?>> gauges = GAUGES.get(operator + "|" + name);
                if (gauges != null) {
                    gauges.remove(metric);
                }
            }
        }
    }

    /** Factory named in the configuration; found through META-INF/services. */
    public static final class Factory implements MetricReporterFactory {
        @Override
        public MetricReporter createMetricReporter(Properties properties) {
            return new Reporter();
        }
    }
}
