package io.streamrec.bench.pipeline;

import io.streamrec.vectors.Vectors;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The machine a run measured on, for bench.json, with the load averages sampled during the run. */
final class Machine {
    private final List<String> loadSamples = new ArrayList<>();
    /** Taken before --pin narrows this JVM's CPUs: the machine's, not this JVM's share. */
    private final int cores = Runtime.getRuntime().availableProcessors();

    /** Samples the load average now, kept under {@code when}; returns it. */
    String sampleLoad(String when) {
        String load = loadAverage();
        loadSamples.add(when + ": " + load);
        return load;
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** bench.json's {@code machine}: cores, memory, Java, dot products and the load averages. */
    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", cores);
        long memory = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize();
        }
        m.put("memory_gb", Math.round(memory / 1024.0 / 1024 / 1024 * 10) / 10.0);
        m.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        m.put("dot_products", Vectors.dotProductMode());
        m.put("load_avg", loadAverage());
        m.put("load_avg_samples", new ArrayList<>(loadSamples));
        return m;
    }
}
