package io.streamrec.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamrec.metrics.MetricNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard shows the job's registered metrics, and only metrics that exist. */
class DashboardTest {
    static final String DASHBOARD = "deploy/grafana/dashboards/streamrec-job.json";
    private static final Pattern METRIC = Pattern.compile("\\bflink_[A-Za-z0-9_]+");
    private static final Pattern REGISTRATION =
            Pattern.compile("\\.(counter|gauge|histogram|meter|addGroup)\\(\\s*\"([^\"]+)\"");

    @Test
    void queriesUseOnlyMetricsTheJobRegistersOrFlinkProvides() throws IOException {
        Set<String> used = metricsIn(queries(dashboard()));
        assertThat(used).isNotEmpty();
        Set<String> known = new HashSet<>(MetricCatalog.registered());
        known.addAll(MetricCatalog.FLINK_BUILT_IN);
        assertThat(used).as("unknown or planned metrics in %s", DASHBOARD).isSubsetOf(known);
    }

    @Test
    void everyRegisteredMetricIsOnTheDashboard() throws IOException {
        Set<String> used = metricsIn(queries(dashboard()));
        for (MetricNames.Metric metric : MetricNames.ALL) {
            if (metric.status() == MetricNames.Status.REGISTERED) {
                assertThat(used).as("%s on the dashboard", metric.prometheusName()).contains(metric.prometheusName());
            }
        }
    }

    @Test
    void everyMetricNameRegisteredInTheCodeIsListedInMetricNames() throws IOException {
        Set<String> listed = new HashSet<>();
        MetricNames.ALL.forEach(m -> {
            listed.add(m.name());
            if (m.group() != null) {
                listed.add(m.group());
            }
        });
        List<String> unlisted = new ArrayList<>();
        for (String module : List.of("flink-jobs", "text-encoder")) {
            Path sources = Repo.path(module + "/src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = REGISTRATION.matcher(Files.readString(file));
                    while (m.find()) {
                        if (!listed.contains(m.group(2))) {
                            unlisted.add(Repo.ROOT.relativize(file) + ": " + m.group(1) + "(\"" + m.group(2) + "\")");
                        }
                    }
                }
            }
        }
        assertThat(unlisted).as("metrics registered with a name MetricNames does not list").isEmpty();
    }

    @Test
    void dashboardUsesTheProvisionedPrometheusDataSource() throws IOException {
        Map<String, Object> provisioning = Yaml.load(Repo.read("deploy/grafana/provisioning/datasources/prometheus.yml"));
        Object uid = Yaml.map(Yaml.list(provisioning.get("datasources"), "datasources").get(0), "datasource").get("uid");
        Set<String> uids = new TreeSet<>();
        dashboard().findValues("datasource").forEach(ds -> {
            if (ds.has("uid")) {
                uids.add(ds.get("uid").asText());
            }
        });
        assertThat(uids).containsExactly(String.valueOf(uid));
    }

    static JsonNode dashboard() throws IOException {
        return new ObjectMapper().readTree(Repo.read(DASHBOARD));
    }

    /** PromQL of every panel target and template variable. */
    static List<String> queries(JsonNode dashboard) {
        List<String> queries = new ArrayList<>();
        dashboard.findValues("expr").forEach(n -> queries.add(n.asText()));
        dashboard.findValues("definition").forEach(n -> queries.add(n.asText()));
        for (JsonNode query : dashboard.findValues("query")) {
            queries.add(query.isTextual() ? query.asText() : query.path("query").asText());
        }
        return queries;
    }

    static Set<String> metricsIn(List<String> queries) {
        Set<String> names = new TreeSet<>();
        for (String query : queries) {
            Matcher m = METRIC.matcher(query);
            while (m.find()) {
                names.add(m.group());
            }
        }
        return names;
    }
}
