package io.streamrec.local.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files a broker folder holds for the broker's JVM: {@code server.properties} (KRaft, combined broker and
 * controller, listeners on 127.0.0.1, single-replica internal topics) and {@code log4j2.properties}.
 */
final class KafkaBrokerConfig {
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

    private KafkaBrokerConfig() {}

    /** Writes both files into {@code dataDir}; returns the path of server.properties. */
    static Path write(Path dataDir, int port, int controllerPort) throws IOException {
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
}
