package io.streamrec.metrics;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.HistogramStatistics;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * Live counters, gauges and histograms of the jobs running on a local cluster in this JVM, by operator name
 * and metric name, for benchmarks and tests that wait on the job's own state (the catalogue indexed, a model
 * version applied by every subtask) instead of on time. Registered as a Flink metric reporter
 * ({@code metrics.reporter.<name>.factory.class}: {@link #configure}).
 */
public final class InProcessMetrics {
    /** Where job-level metrics (the JobManager's, e.g. {@code lastCheckpointDuration}) are kept, as if an operator's. */
    public static final String JOB = "<job>";

    /** Counters and gauges by "operator|metric", one entry per subtask. */
    private static final Map<String, List<Metric>> METRICS = new ConcurrentHashMap<>();

    private InProcessMetrics() {}

    /** Registers the reporter in a local cluster's configuration. */
    public static void configure(Map<String, String> options) {
        options.put("metrics.reporter.in-process.factory.class", Factory.class.getName());
    }

    /** A configuration with only this reporter, e.g. for a MiniCluster. */
    public static Configuration configuration() {
        Map<String, String> options = new java.util.HashMap<>();
        configure(options);
        return Configuration.fromMap(options);
    }

    /**
     * The smallest value of numeric gauge {@code metric} of operator {@code operator} over its subtasks, or -1
     * until {@code subtasks} subtasks have registered it.
     */
    public static long gaugeMin(String operator, String metric, int subtasks) {
        List<Metric> registered = METRICS.getOrDefault(operator + "|" + metric, List.of());
        long min = Long.MAX_VALUE;
        int seen = 0;
        for (Metric m : registered) {
            if (m instanceof Gauge<?> g && g.getValue() instanceof Number n) {
                min = Math.min(min, n.longValue());
                seen++;
            }
        }
        return seen < subtasks ? -1 : min;
    }

    /** The values of numeric gauge {@code metric} of operator {@code operator}, one per subtask that registered it. */
    public static List<Long> gaugeValues(String operator, String metric) {
        List<Long> values = new java.util.ArrayList<>();
        for (Metric m : METRICS.getOrDefault(operator + "|" + metric, List.of())) {
            if (m instanceof Gauge<?> g && g.getValue() instanceof Number n) {
                values.add(n.longValue());
            }
        }
        return values;
    }

    /** Sum over subtasks of counter {@code metric} of operator {@code operator}; 0 when not registered. */
    public static long sum(String operator, String metric) {
        long sum = 0;
        for (Metric m : METRICS.getOrDefault(operator + "|" + metric, List.of())) {
            if (m instanceof Counter c) {
                sum += c.getCount();
            }
        }
        return sum;
    }

    /** Sum over subtasks of numeric gauge {@code metric} of operator {@code operator}; 0 when not registered. */
    public static long gaugeSum(String operator, String metric) {
        long sum = 0;
        for (Metric m : METRICS.getOrDefault(operator + "|" + metric, List.of())) {
            if (m instanceof Gauge<?> g && g.getValue() instanceof Number n) {
                sum += n.longValue();
            }
        }
        return sum;
    }

    /**
     * The mean over subtasks of histogram {@code metric}'s {@code quantile} (each subtask's histogram holds its
     * latest samples); null when no subtask has a sample.
     */
    public static Double histogramQuantile(String operator, String metric, double quantile) {
        return meanOverSubtasks(operator, metric, s -> s.getQuantile(quantile));
    }

    /** The mean over subtasks of histogram {@code metric}'s mean; null when no subtask has a sample. */
    public static Double histogramMean(String operator, String metric) {
        return meanOverSubtasks(operator, metric, HistogramStatistics::getMean);
    }

    private static Double meanOverSubtasks(String operator, String metric,
            java.util.function.ToDoubleFunction<HistogramStatistics> figure) {
        double sum = 0;
        int subtasks = 0;
        for (Metric m : METRICS.getOrDefault(operator + "|" + metric, List.of())) {
            if (m instanceof Histogram h && h.getStatistics().size() > 0) {
                sum += figure.applyAsDouble(h.getStatistics());
                subtasks++;
            }
        }
        return subtasks == 0 ? null : sum / subtasks;
    }

    /** Forgets every counter and gauge (between jobs). */
    public static void clear() {
        METRICS.clear();
    }

    /** The reporter: keeps references to operator counters and gauges. */
    public static final class Reporter implements MetricReporter {
        @Override
        public void open(MetricConfig config) {}

        @Override
        public void close() {}

        @Override
        public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
            String operator = owner(group);
            if (operator != null
                    && (metric instanceof Counter || metric instanceof Gauge<?> || metric instanceof Histogram)) {
                METRICS.computeIfAbsent(operator + "|" + name, k -> new CopyOnWriteArrayList<>()).add(metric);
            }
        }

        @Override
        public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
            String operator = owner(group);
            if (operator != null) {
                List<Metric> list = METRICS.get(operator + "|" + name);
                if (list != null) {
                    list.remove(metric);
                }
            }
        }
    }

    /** The operator's name; {@link #JOB} for the job's own metrics (a job, no task); null for the rest. */
    private static String owner(MetricGroup group) {
        Map<String, String> variables = group.getAllVariables();
        String operator = variables.get("<operator_name>");
        if (operator == null && variables.containsKey("<job_name>") && !variables.containsKey("<task_name>")) {
            return JOB;
        }
        return operator;
    }

    /** Factory named in the configuration; found through META-INF/services. */
    public static final class Factory implements MetricReporterFactory {
        @Override
        public MetricReporter createMetricReporter(Properties properties) {
            return new Reporter();
        }
    }
}
