package io.streamrec.tools;

import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.IsolationLevel;

/** Client settings and the start-up check the tools share. */
final class KafkaClients {
    private KafkaClients() {}

    /**
     * Fails with a message naming the bootstrap address when no broker answers within {@code timeout},
     * and with the missing names when some of {@code topics} do not exist (the local broker does not
     * create topics on first use, and a producer would otherwise block without saying why).
     */
    static void requireTopics(String bootstrap, Collection<String> topics, Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.min(timeout.toMillis(), 10_000)));
        Admin admin = Admin.create(props);
        try {
            admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Set<String> missing = new TreeSet<>(topics);
            missing.removeAll(existing);
            if (!missing.isEmpty()) {
                throw new IllegalStateException("topics " + missing + " do not exist on Kafka at " + bootstrap
                        + "; create them first (LocalKafka start creates the product's topics)");
            }
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("cannot reach Kafka at " + bootstrap + " within " + timeout.toSeconds()
                    + " s (is a broker running there?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to Kafka at " + bootstrap, e);
        } finally {
            admin.close(Duration.ofSeconds(2));
        }
    }

    /** A consumer without a group (the tools assign partitions themselves) at the given isolation level. */
    static Properties consumerProps(String bootstrap, IsolationLevel isolation) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString().toLowerCase(Locale.ROOT));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }
}
