package io.streamrec.local.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a {@link StandaloneCluster} is sized and configured. Small memory by default: the tests share a
 * 2-core machine with other builds.
 *
 * @param slotsPerTaskManager taskmanager.numberOfTaskSlots
 * @param taskManagerMemory taskmanager.memory.process.size
 * @param jobManagerMemory jobmanager.memory.process.size
 * @param encoderInLib put the encoder's native-library jars on the TaskManagers' classpath and load them
 *     parent-first (docs/encoder.md), as an image with those jars in Flink's lib/ would
 * @param extra further Flink options for config.yaml
 */
public record ClusterSettings(int slotsPerTaskManager, String taskManagerMemory, String jobManagerMemory,
        boolean encoderInLib, Map<String, String> extra) {

    /** The parent-first patterns that make one copy of the encoder's classes and native libraries per JVM. */
    public static final String ENCODER_PARENT_FIRST = "ai.onnxruntime.;ai.djl.;io.streamrec.text.";

    public ClusterSettings {
        extra = Map.copyOf(extra);
    }

    public static ClusterSettings small() {
        return new ClusterSettings(2, "1200m", "768m", false, Map.of());
    }

    /** For the MODEL recommender: off-heap memory for ONNX Runtime, the encoder jars in lib/. */
    public static ClusterSettings forModel() {
        return new ClusterSettings(2, "2000m", "768m", true, Map.of(
                "taskmanager.memory.task.off-heap.size", "512m",
                "taskmanager.memory.managed.fraction", "0.2"));
    }

    public ClusterSettings withSlots(int slots) {
        return new ClusterSettings(slots, taskManagerMemory, jobManagerMemory, encoderInLib, extra);
    }

    public ClusterSettings withEncoderInLib(boolean inLib) {
        return new ClusterSettings(slotsPerTaskManager, taskManagerMemory, jobManagerMemory, inLib, extra);
    }

    public ClusterSettings with(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(extra);
        more.put(key, value);
        return new ClusterSettings(slotsPerTaskManager, taskManagerMemory, jobManagerMemory, encoderInLib, more);
    }

    /** config.yaml entries for a cluster whose REST endpoint listens on {@code restPort}. */
    Map<String, String> flinkConfig(int restPort, int rpcPort, String tmpDir) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("jobmanager.rpc.address", "127.0.0.1");
        c.put("jobmanager.rpc.port", Integer.toString(rpcPort));
        c.put("jobmanager.bind-host", "127.0.0.1");
        c.put("taskmanager.bind-host", "127.0.0.1");
        c.put("taskmanager.host", "127.0.0.1");
        c.put("rest.address", "127.0.0.1");
        c.put("rest.bind-address", "127.0.0.1");
        c.put("rest.port", Integer.toString(restPort));
        c.put("taskmanager.numberOfTaskSlots", Integer.toString(slotsPerTaskManager));
        c.put("taskmanager.memory.process.size", taskManagerMemory);
        c.put("jobmanager.memory.process.size", jobManagerMemory);
        c.put("parallelism.default", "1");
        c.put("io.tmp.dirs", tmpDir);
        // A SIGKILLed TaskManager is noticed by heartbeat; the defaults (10 s / 50 s) make every recovery slow.
        c.put("heartbeat.interval", "2000");
        c.put("heartbeat.timeout", "8000");
        // Restart quickly and often enough for the failure tests; a job restarts only on real failures.
        c.put("restart-strategy.type", "fixed-delay");
        c.put("restart-strategy.fixed-delay.attempts", "1000");
        c.put("restart-strategy.fixed-delay.delay", "1 s");
        if (encoderInLib) {
            c.put("classloader.parent-first-patterns.additional", ENCODER_PARENT_FIRST);
        }
        c.putAll(extra);
        return c;
    }
}
