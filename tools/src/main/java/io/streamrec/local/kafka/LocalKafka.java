package io.streamrec.local.kafka;

import io.streamrec.local.CommandLines;
import io.streamrec.local.HelpOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Command line for the local broker, used by {@code scripts/kafka-local.sh}: {@code start} (detached, creates the
 * topics), {@code stop}, {@code status} (exit 0 when it runs), each with {@code --dir}, {@code --port} and
 * {@code --controller-port}.
 */
@Command(name = "LocalKafka", description = "The local Kafka broker (KRaft, 127.0.0.1 only) of a data folder.",
        subcommands = {LocalKafka.Start.class, LocalKafka.Stop.class, LocalKafka.Status.class})
public final class LocalKafka implements Runnable {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(CommandLines.execute(new LocalKafka(), args));
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: start, stop or status");
    }

    /** The options every command takes. */
    static final class BrokerOptions {
        @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".local/kafka",
                description = "The broker's data folder (and its pid file).")
        Path dir;

        @Option(names = "--port", paramLabel = "PORT", defaultValue = "9092", description = "Client port on 127.0.0.1.")
        int port;

        @Option(names = "--controller-port", paramLabel = "PORT",
                description = "KRaft controller port (default: --port + 1).")
        Integer controllerPort;
    }

    @Command(name = "start", showDefaultValues = true,
            description = "Start the broker detached (unless it runs) and create the product's topics.")
    static final class Start implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @Mixin
        BrokerOptions broker;

        @Override
        public Integer call() throws Exception {
            Optional<ProcessHandle> running = running(broker.dir);
            if (running.isPresent()) {
                System.out.println("Kafka already running (pid " + running.get().pid() + ") on 127.0.0.1:" + broker.port);
                return 0;
            }
            int controllerPort = broker.controllerPort != null ? broker.controllerPort : broker.port + 1;
            System.out.println("Starting Kafka (KRaft) on 127.0.0.1:" + broker.port + ", data in " + broker.dir + " ...");
            KafkaBrokerProcess process = KafkaBrokerProcess.start(broker.dir, broker.port, controllerPort,
                    Duration.ofSeconds(90));
            List<String> created = TopicAdmin.createTopics(process.bootstrapServers());
            System.out.println("Kafka ready on " + process.bootstrapServers() + " (pid " + process.pid() + ")"
                    + (created.isEmpty() ? "" : "; created topics " + created));
            // Leave the broker running after this JVM exits.
            return 0;
        }
    }

    @Command(name = "stop", showDefaultValues = true, description = "Stop the broker of --dir.")
    static final class Stop implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @Mixin
        BrokerOptions broker;

        @Override
        public Integer call() throws Exception {
            Optional<ProcessHandle> running = running(broker.dir);
            if (running.isEmpty()) {
                System.out.println("Kafka is not running (no live pid in " + broker.dir.resolve("broker.pid") + ")");
                return 0;
            }
            KafkaBrokerProcess.stopProcess(running.get(), Duration.ofSeconds(30));
            Files.deleteIfExists(broker.dir.resolve("broker.pid"));
            System.out.println("Kafka stopped (pid " + running.get().pid() + ")");
            return 0;
        }
    }

    @Command(name = "status", showDefaultValues = true,
            description = "Say whether the broker of --dir runs; exit code 0 when it does, 1 otherwise.")
    static final class Status implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @Mixin
        BrokerOptions broker;

        @Override
        public Integer call() throws Exception {
            Optional<ProcessHandle> running = running(broker.dir);
            System.out.println(running.map(h -> "Kafka running (pid " + h.pid() + ")").orElse("Kafka not running"));
            return running.isPresent() ? 0 : 1;
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
}
