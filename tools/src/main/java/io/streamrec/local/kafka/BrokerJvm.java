package io.streamrec.local.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/**
 * The broker's JVMs: command lines on the classpath Maven resolved for the {@code kafka-broker} module, and
 * the one-off storage format that a new broker folder needs before the broker first starts.
 */
final class BrokerJvm {
    static final String DEFAULT_CLASSPATH_FILE = "kafka-broker/target/broker-classpath.txt";

    private BrokerJvm() {}

    /** Formats the storage of {@code dataDir} with a fresh cluster id (kafka.tools.StorageTool). */
    static void format(String classpath, Path dataDir, Path config) throws IOException {
        String clusterId = Uuid.randomUuid().toString();
        List<String> cmd = javaCommand(classpath, dataDir, "-Xmx256m");
        cmd.add("kafka.tools.StorageTool");
        cmd.addAll(List.of("format", "-t", clusterId, "-c", config.toString(), "--ignore-formatted"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("formatting Kafka storage in " + dataDir + " failed: " + out.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while formatting Kafka storage", e);
        }
    }

    /** The java command up to the main class: this JDK's java, {@code jvmArgs}, logging into {@code dataDir}. */
    static List<String> javaCommand(String classpath, Path dataDir, String... jvmArgs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmArgs));
        cmd.add("-XX:+UseG1GC");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dkafka.logs.dir=" + dataDir.toAbsolutePath());
        cmd.add("-Dlog4j2.configurationFile=" + dataDir.toAbsolutePath().resolve("log4j2.properties"));
        cmd.add("-cp");
        cmd.add(classpath);
        return cmd;
    }

    /** The broker's classpath, from the file the kafka-broker module's build writes. */
    static String brokerClasspath() {
        Path file = classpathFile();
        try {
            String cp = Files.readString(file).trim();
            if (cp.isEmpty()) {
                throw new IllegalStateException("empty broker classpath file " + file);
            }
            return cp;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Kafka broker classpath from " + file
                    + "; build the project first (mvn -B install -DskipTests) or set -D"
                    + KafkaBrokerProcess.CLASSPATH_PROPERTY, e);
        }
    }

    private static Path classpathFile() {
        String configured = System.getProperty(KafkaBrokerProcess.CLASSPATH_PROPERTY);
        if (configured != null) {
            return Path.of(configured);
        }
        // Search upwards from the working directory for the project's build output.
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DEFAULT_CLASSPATH_FILE);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return Path.of(DEFAULT_CLASSPATH_FILE);
    }
}
