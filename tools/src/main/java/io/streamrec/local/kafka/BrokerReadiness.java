package io.streamrec.local.kafka;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The wait for a starting broker: ready once it answers a metadata request, failed once its process exits. */
final class BrokerReadiness {
    /** The broker's own logger: these lines belong to its start-up. */
    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerProcess.class);

    private BrokerReadiness() {}

    /** Waits until the broker of {@code process}, listening on {@code port}, answers a metadata request. */
    static void await(Process process, String bootstrapServers, int port, Path dataDir, Duration timeout)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Kafka broker exited with code " + process.exitValue()
                        + " during start-up; see " + dataDir.resolve("broker.out") + " and broker.log");
            }
            if (LoopbackPorts.accepts(port)) {
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

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }
}
