package io.streamrec.reliability.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

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

    /** The job's numRestarts metric (restarts since submission). */
    public long numRestarts(String jobId) throws IOException {
        for (JsonNode metric : get("/jobs/" + jobId + "/metrics?get=numRestarts")) {
            return (long) Double.parseDouble(metric.path("value").asText("0"));
        }
        return 0;
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

    /** One completed checkpoint: full state size, incremental size, and duration (ms). */
    public record CheckpointInfo(long id, long stateSize, long checkpointedSize, long durationMs) {}
}
