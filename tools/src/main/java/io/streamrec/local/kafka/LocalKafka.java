package io.streamrec.local.kafka;

import io.streamrec.local.CommandLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Command line for the local broker, used by {@code scripts/kafka-local.sh}:
 *
 * <pre>
 *   LocalKafka start  [--dir DIR] [--port 9092] [--controller-port 9093]   start detached, create topics
 *   LocalKafka stop   [--dir DIR]                                          stop the broker of DIR
 *   LocalKafka status [--dir DIR]                                          exit 0 when it runs
 * </pre>
 */
public final class LocalKafka {
    private LocalKafka() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help")) {
            usage();
            System.exit(args.length == 0 ? 2 : 0);
        }
        CommandLine cli = CommandLine.parse(List.of(args).subList(1, args.length));
        Path dir = Path.of(cli.get("dir", ".local/kafka"));
        int port = cli.getInt("port", 9092);
        int controllerPort = cli.getInt("controller-port", port + 1);
        switch (args[0]) {
            case "start" -> {
                Optional<ProcessHandle> running = running(dir);
                if (running.isPresent()) {
                    System.out.println("Kafka already running (pid " + running.get().pid() + ") on 127.0.0.1:" + port);
                    return;
                }
                System.out.println("Starting Kafka (KRaft) on 127.0.0.1:" + port + ", data in " + dir + " ...");
                KafkaBrokerProcess broker = KafkaBrokerProcess.start(dir, port, controllerPort, Duration.ofSeconds(90));
                List<String> created = TopicAdmin.createTopics(broker.bootstrapServers());
                System.out.println("Kafka ready on " + broker.bootstrapServers() + " (pid " + broker.pid() + ")"
                        + (created.isEmpty() ? "" : "; created topics " + created));
                // Leave the broker running after this JVM exits.
            }
            case "stop" -> {
                Optional<ProcessHandle> running = running(dir);
                if (running.isEmpty()) {
                    System.out.println("Kafka is not running (no live pid in " + dir.resolve("broker.pid") + ")");
                    return;
                }
                KafkaBrokerProcess.stopProcess(running.get(), Duration.ofSeconds(30));
                Files.deleteIfExists(dir.resolve("broker.pid"));
                System.out.println("Kafka stopped (pid " + running.get().pid() + ")");
            }
            case "status" -> {
                Optional<ProcessHandle> running = running(dir);
                System.out.println(running.map(h -> "Kafka running (pid " + h.pid() + ")").orElse("Kafka not running"));
                System.exit(running.isPresent() ? 0 : 1);
            }
            default -> {
                usage();
                System.exit(2);
            }
        }
    }

    static Optional<ProcessHandle> running(Path dir) throws java.io.IOException {
        Path pidFile = dir.resolve("broker.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(LocalKafka::isBroker);
    }

    /** Guards against a recycled pid: the process must be a Kafka broker. */
    private static boolean isBroker(ProcessHandle handle) {
        Path cmdline = Path.of("/proc", Long.toString(handle.pid()), "cmdline");
        try {
            return !Files.exists(cmdline) || new String(Files.readAllBytes(cmdline)).contains("kafka.Kafka");
        } catch (java.io.IOException e) {
            return true;
        }
    }

    private static void usage() {
        System.err.println("usage: LocalKafka start|stop|status [--dir DIR] [--port PORT] [--controller-port PORT]");
    }
}
