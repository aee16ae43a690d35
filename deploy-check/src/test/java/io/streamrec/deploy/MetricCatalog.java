package io.streamrec.deploy;

import io.streamrec.metrics.MetricNames;
import io.streamrec.metrics.MetricNames.Metric;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Prometheus names of the job's metrics (from MetricNames) and of the few Flink metrics dashboards use. */
final class MetricCatalog {
    /**
     * Flink's own metrics the dashboard shows (Flink docs, "Metrics": job checkpointing, availability,
     * back-pressure). Not the job's to register, so not in MetricNames; listed here, once.
     */
    static final Set<String> FLINK_BUILT_IN = Set.of(
            "flink_jobmanager_job_lastCheckpointDuration",
            "flink_jobmanager_job_numberOfFailedCheckpoints",
            "flink_jobmanager_job_numberOfCompletedCheckpoints",
            "flink_jobmanager_job_numRestarts",
            "flink_taskmanager_job_task_backPressuredTimeMsPerSecond",
            "flink_taskmanager_job_task_busyTimeMsPerSecond");

    private MetricCatalog() {}

    /** The exported names of one metric: a histogram is a summary (quantile label) plus a _count. */
    static List<String> exportedNames(Metric metric) {
        String name = metric.prometheusName();
        return metric.kind() == MetricNames.Kind.HISTOGRAM ? List.of(name, name + "_count") : List.of(name);
    }

    static Set<String> registered() {
        Set<String> names = new LinkedHashSet<>();
        MetricNames.ALL.stream().filter(m -> m.status() == MetricNames.Status.REGISTERED)
                .forEach(m -> names.addAll(exportedNames(m)));
        return names;
    }

    static Set<String> planned() {
        Set<String> names = new LinkedHashSet<>();
        MetricNames.ALL.stream().filter(m -> m.status() == MetricNames.Status.PLANNED)
                .forEach(m -> names.addAll(exportedNames(m)));
        return names;
    }
}
