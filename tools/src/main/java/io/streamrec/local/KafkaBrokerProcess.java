package io.streamrec.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
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
    static final String DEFAULT_CLASSPATH_FILE = "kafka-broker/target/broker-classpath.txt";

    /** The broker logs to broker.log in its folder; errors also to its stdout (broker.out). */
    private static final String LOG4J_CONFIG = String.join("\n",
            "status = warn",
            "appender.file.type = File",
            "appender.file.name = file",
            "appender.file.fileName = ${sys:kafka.logs.dir}/broker.log",
            "appender.file.layout.type = PatternLayout",
            "appender.file.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n",
            "appender.out.type = Console",
            "appender.out.name = out",
            "appender.out.layout.type = PatternLayout",
            "appender.out.layout.pattern = [kafka] %-5p %m%n",
            "appender.out.filter.threshold.type = ThresholdFilter",
            "appender.out.filter.threshold.level = error",
            "rootLogger.level = info",
            "rootLogger.appenderRef.file.ref = file",
            "rootLogger.appenderRef.out.ref = out",
            "logger.state.name = state.change.logger",
            "logger.state.level = warn",
            "");

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

    /** Starts a broker on free ports in a fresh temporary folder and waits until it serves requests. */
    public static KafkaBrokerProcess startEphemeral() throws IOException {
        return start(Files.createTempDirectory("streamrec-kafka-"), 0, 0, Duration.ofSeconds(90));
    }

    /**
     * Formats {@code dataDir} if it holds no broker yet, starts the broker and waits until it serves
     * requests. A port of 0 picks a free one.
     */
    public static KafkaBrokerProcess start(Path dataDir, int port, int controllerPort, Duration timeout)
            throws IOException {
        int brokerPort = port == 0 ? freePort() : requireFree(port, "broker");
        int ctlPort = controllerPort == 0 ? freePort() : requireFree(controllerPort, "controller");
        Files.createDirectories(dataDir);
        Path config = writeConfig(dataDir, brokerPort, ctlPort);
        String classpath = brokerClasspath();
        if (!Files.exists(dataDir.resolve("data").resolve("meta.properties"))) {
            format(classpath, dataDir, config);
        }
        List<String> cmd = javaCommand(classpath, dataDir, "-Xmx512m", "-Xms256m");
        cmd.add("kafka.Kafka");
        cmd.add(config.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("broker.out").toFile()));
        Process process = pb.start();
        KafkaBrokerProcess broker = new KafkaBrokerProcess(dataDir, brokerPort, ctlPort, process);
        try {
            broker.awaitReady(timeout);
        } catch (IOException | RuntimeException e) {
            broker.close();
            throw e;
        }
        Files.writeString(dataDir.resolve("broker.pid"), Long.toString(process.pid()));
        LOG.info("Kafka broker ready on {} (pid {}, data {})", broker.bootstrapServers(), process.pid(), dataDir);
        return broker;
    }

    /** Waits until the broker answers a metadata request. */
    private void awaitReady(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Kafka broker exited with code " + process.exitValue()
                        + " during start-up; see " + dataDir.resolve("broker.out") + " and broker.log");
            }
            if (accepts(port)) {
                try (Admin admin = Admin.create(props)) {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (Exception e) {
                    LOG.debug("broker not ready yet: {}", e.toString());
                }
            }
            sleep(250);
        }
        throw new IOException("Kafka broker did not become ready within " + timeout.toSeconds()
                + " s; see " + dataDir.resolve("broker.out"));
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

    private static void format(String classpath, Path dataDir, Path config) throws IOException {
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

    private static List<String> javaCommand(String classpath, Path dataDir, String... jvmArgs) {
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

    private static Path writeConfig(Path dataDir, int port, int controllerPort) throws IOException {
        String config = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDir.toAbsolutePath().resolve("data"),
                "num.partitions=1",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=4",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // The job's exactly-once sink keeps transaction.timeout.ms below this.
                "transaction.max.timeout.ms=900000",
                "log.retention.hours=168",
                "log.cleaner.enable=true",
                "");
        Path file = dataDir.resolve("server.properties");
        Files.writeString(file, config);
        Files.writeString(dataDir.resolve("log4j2.properties"), LOG4J_CONFIG);
        return file;
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
                    + "; build the project first (mvn -B install -DskipTests) or set -D" + CLASSPATH_PROPERTY, e);
        }
    }

    private static Path classpathFile() {
        String configured = System.getProperty(CLASSPATH_PROPERTY);
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

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static int requireFree(int port, String what) throws IOException {
        if (accepts(port)) {
            throw new IOException("port " + port + " (" + what + ") is already taken on 127.0.0.1; stop what "
                    + "listens there or choose another port");
        }
        return port;
    }

    static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }

    /** A fresh id for a unique folder name. */
    static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
