package io.streamrec.local.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker (KRaft, combined broker and controller) in its own JVM, started from the jars
 * Maven resolved for the {@code kafka-broker} module. Listeners bind to 127.0.0.1 only.
 *
 * <p>Used by the integration tests (start, use, close) and by {@code scripts/kafka-local.sh} through
 * {@link LocalKafka} (start detached, stop later by pid).
 */
public final class KafkaBrokerProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerProcess.class);
    /** System property naming the file that holds the broker's classpath. */
    public static final String CLASSPATH_PROPERTY = "streamrec.broker.classpath";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final Process process;

    private KafkaBrokerProcess(Path dataDir, int port, int controllerPort, Process process) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.process = process;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path dataDir() {
        return dataDir;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Starts a broker on free ports in a fresh temporary folder and waits until it serves requests (seconds on
     * a usual machine; the bound is for one several times slower).
     */
    public static KafkaBrokerProcess startEphemeral() throws IOException {
        return start(Files.createTempDirectory("streamrec-kafka-"), 0, 0, Duration.ofMinutes(5));
    }

    /**
     * Formats {@code dataDir} if it holds no broker yet, starts the broker and waits until it serves
     * requests. A port of 0 picks a free one.
     */
    public static KafkaBrokerProcess start(Path dataDir, int port, int controllerPort, Duration timeout)
            throws IOException {
        int brokerPort = port == 0 ? LoopbackPorts.freePort() : LoopbackPorts.requireFree(port, "broker");
        int ctlPort = controllerPort == 0 ? LoopbackPorts.freePort()
                : LoopbackPorts.requireFree(controllerPort, "controller");
        Files.createDirectories(dataDir);
        Path config = KafkaBrokerConfig.write(dataDir, brokerPort, ctlPort);
        String classpath = BrokerJvm.brokerClasspath();
        if (!Files.exists(dataDir.resolve("data").resolve("meta.properties"))) {
            BrokerJvm.format(classpath, dataDir, config);
        }
        List<String> cmd = BrokerJvm.javaCommand(classpath, dataDir, "-Xmx512m", "-Xms256m");
        cmd.add("kafka.Kafka");
        cmd.add(config.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("broker.out").toFile()));
        Process process = pb.start();
        KafkaBrokerProcess broker = new KafkaBrokerProcess(dataDir, brokerPort, ctlPort, process);
        try {
            BrokerReadiness.await(process, broker.bootstrapServers(), brokerPort, dataDir, timeout);
        } catch (IOException | RuntimeException e) {
            broker.close();
            throw e;
        }
        Files.writeString(dataDir.resolve("broker.pid"), Long.toString(process.pid()));
        LOG.info("Kafka broker ready on {} (pid {}, data {})", broker.bootstrapServers(), process.pid(), dataDir);
        return broker;
    }

    /** Stops the broker: SIGTERM for a clean shutdown, then SIGKILL after 30 s. */
    @Override
    public void close() {
        stopProcess(process.toHandle(), Duration.ofSeconds(30));
    }

    /** Kills the broker at once (SIGKILL), as a crash would. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the broker again on the same ports and data, e.g. after {@link #close()} in a failure test. */
    public KafkaBrokerProcess restart(Duration timeout) throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException("broker still running (pid " + process.pid() + ")");
        }
        return start(dataDir, port, controllerPort, timeout);
    }

    static void stopProcess(ProcessHandle handle, Duration grace) {
        if (!handle.isAlive()) {
            return;
        }
        handle.destroy();
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // Reported by isAlive() to the caller.
            }
        }
    }

    /** A fresh id for a unique folder name. */
    static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
