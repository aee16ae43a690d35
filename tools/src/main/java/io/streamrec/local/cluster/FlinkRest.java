package io.streamrec.local.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The few REST calls the tests and the script need (Flink's monitoring API, JSON over HTTP). */
public final class FlinkRest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String base;

    public FlinkRest(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** GET {@code path}; throws IOException unless 200. */
    public JsonNode get(String path) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + path + " -> " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Whether the REST endpoint answers at all. */
    public boolean isUp() {
        try {
            get("/overview");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** TaskManagers registered with the resource manager. */
    public int taskManagers() throws IOException {
        return get("/overview").path("taskmanagers").asInt();
    }

    /** The job's status (CREATED, RUNNING, RESTARTING, FAILED, CANCELED, FINISHED, ...). */
    public String jobStatus(String jobId) throws IOException {
        return get("/jobs/" + jobId).path("state").asText();
    }

    /** Whether every vertex of the job is RUNNING (the job may be RUNNING while tasks still deploy). */
    public boolean allTasksRunning(String jobId) throws IOException {
        JsonNode job = get("/jobs/" + jobId);
        if (!"RUNNING".equals(job.path("state").asText())) {
            return false;
        }
        for (JsonNode vertex : job.path("vertices")) {
            if (!"RUNNING".equals(vertex.path("status").asText())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The execution attempts of every subtask of the job: the lowest and the highest attempt number (0 for the
     * first deployment, one more each time the subtask is deployed again). Read from the execution graph, which
     * the REST API serves as it is, unlike the {@code numRestarts} metric, which reaches the REST API through
     * the metric fetcher and was seen to stay at 0 for minutes after a recovery.
     */
    public Attempts attempts(String jobId) throws IOException {
        int lowest = Integer.MAX_VALUE;
        int highest = -1;
        for (JsonNode vertex : get("/jobs/" + jobId).path("vertices")) {
            for (JsonNode subtask : get("/jobs/" + jobId + "/vertices/" + vertex.path("id").asText()).path("subtasks")) {
                int attempt = subtask.path("attempt").asInt(-1);
                lowest = Math.min(lowest, attempt);
                highest = Math.max(highest, attempt);
            }
        }
        return highest < 0 ? new Attempts(-1, -1) : new Attempts(lowest, highest);
    }

    /** Lowest and highest execution attempt over a job's subtasks; (-1, -1) while it has none. */
    public record Attempts(int lowest, int highest) {
        /** Times every subtask has been deployed again: the restarts of the whole job. */
        public int restartsOfEveryTask() {
            return Math.max(lowest, 0);
        }
    }

    /**
     * The lowest execution attempt number (0 for the first deployment, one more per restart of the
     * subtask) over the subtasks of the vertex running {@code operatorName}; -1 while there is no such vertex.
     */
    public int lowestAttempt(String jobId, String operatorName) throws IOException {
        JsonNode vertex = vertexOf(jobId, operatorName);
        if (vertex == null) {
            return -1;
        }
        int lowest = Integer.MAX_VALUE;
        for (JsonNode subtask : get("/jobs/" + jobId + "/vertices/" + vertex.path("id").asText()).path("subtasks")) {
            lowest = Math.min(lowest, subtask.path("attempt").asInt(-1));
        }
        return lowest == Integer.MAX_VALUE ? -1 : lowest;
    }

    /** The latest completed checkpoint, or null before the first. */
    public CheckpointInfo latestCheckpoint(String jobId) throws IOException {
        JsonNode completed = get("/jobs/" + jobId + "/checkpoints").path("latest").path("completed");
        if (completed.isMissingNode() || completed.isNull()) {
            return null;
        }
        return new CheckpointInfo(completed.path("id").asLong(), completed.path("state_size").asLong(),
                completed.path("checkpointed_size").asLong(), completed.path("end_to_end_duration").asLong());
    }

    /**
     * The job vertex that runs {@code operatorName}: the first whose name contains it (the names of chained
     * operators are joined into the vertex's name), or null if there is none (yet).
     */
    public JsonNode vertexOf(String jobId, String operatorName) throws IOException {
        for (JsonNode vertex : get("/jobs/" + jobId).path("vertices")) {
            if (vertex.path("name").asText().contains(operatorName)) {
                return vertex;
            }
        }
        return null;
    }

    /**
     * The ids of the metrics that the subtasks of the vertex running {@code operatorName} report (empty if
     * none yet), of every operator chained in that vertex, e.g. {@code "rank_(model).itemsIndexed"}.
     */
    public List<String> operatorMetricIds(String jobId, String operatorName) throws IOException {
        JsonNode vertex = vertexOf(jobId, operatorName);
        List<String> ids = new ArrayList<>();
        if (vertex != null) {
            for (JsonNode metric : get("/jobs/" + jobId + "/vertices/" + vertex.path("id").asText() + "/subtasks/metrics")) {
                ids.add(metric.path("id").asText());
            }
        }
        return ids;
    }

    /**
     * The smallest value over all subtasks of the operator metric {@code metric} of {@code operatorName}
     * ({@code "group.name"} for a metric in a group, e.g. {@code "model.version"}); -1 while the job has no
     * such vertex or any subtask has not reported the metric yet. Every subtask is read on its own, so one
     * that has not reported yet cannot be missed (as it would be by {@code agg=min}, over those that have).
     * The JobManager refreshes what it serves every {@code metrics.fetcher.update-interval} (10 s unless set),
     * so a value may be that old.
     */
    public long operatorGaugeMin(String jobId, String operatorName, String metric) throws IOException {
        List<Long> values = operatorGaugeValues(jobId, operatorName, metric);
        return values.isEmpty() ? -1 : values.stream().mapToLong(Long::longValue).min().getAsLong();
    }

    /**
     * The values of the operator metric {@code metric} of {@code operatorName}, one per subtask in subtask
     * order; empty while the job has no such vertex or any subtask has not reported the metric yet (as
     * {@link #operatorGaugeMin}).
     */
    public List<Long> operatorGaugeValues(String jobId, String operatorName, String metric) throws IOException {
        JsonNode vertex = vertexOf(jobId, operatorName);
        if (vertex == null) {
            return List.of();
        }
        String id = operatorMetricId(operatorName, metric);
        // Percent-encoded (the parentheses of "rank_(model)"); a space, were there one, as %20 rather than '+'.
        String query = "?get=" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
        String subtasks = "/jobs/" + jobId + "/vertices/" + vertex.path("id").asText() + "/subtasks/";
        int parallelism = vertex.path("parallelism").asInt();
        List<Long> values = new ArrayList<>(parallelism);
        for (int i = 0; i < parallelism; i++) {
            JsonNode reported = get(subtasks + i + "/metrics" + query);
            if (reported.size() == 0) {
                return List.of();
            }
            values.add((long) Double.parseDouble(reported.get(0).path("value").asText()));
        }
        return values;
    }

    /**
     * The REST API's id of an operator's metric: {@code "<operator name>.<metric>"}, with the characters that
     * the JobManager's metric query service replaces in the operator's name (space, '.', ':', ',') as '_':
     * "rank (model)" and "model.version" make {@code "rank_(model).model.version"}.
     */
    public static String operatorMetricId(String operatorName, String metric) {
        return operatorName.replaceAll("[ .:,]", "_") + "." + metric;
    }

    /** One completed checkpoint: full state size, incremental size, and duration (ms). */
    public record CheckpointInfo(long id, long stateSize, long checkpointedSize, long durationMs) {}
}
