package io.streamrec.local.kafka;

import io.streamrec.schemas.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the product's topics with their partition counts and cleanup policies. */
public final class TopicAdmin {
    private TopicAdmin() {}

    /**
     * Creates every topic of {@link Topic} that does not exist yet. {@code names} overrides default
     * names (topic to name); returns the names created.
     */
    public static List<String> createTopics(Properties clientProps, Map<Topic, String> names)
            throws ExecutionException, InterruptedException {
        Properties props = new Properties();
        props.putAll(clientProps);
        props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        List<NewTopic> wanted = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            String name = names.getOrDefault(topic, topic.defaultName());
            Map<String, String> configs = new HashMap<>();
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG,
                    topic.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE);
            wanted.add(new NewTopic(name, topic.partitions(), (short) 1).configs(configs));
        }
        List<String> created = new ArrayList<>();
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (NewTopic t : wanted) {
                if (!existing.contains(t.name())) {
                    missing.add(t);
                }
            }
            var result = admin.createTopics(missing);
            for (NewTopic t : missing) {
                try {
                    result.values().get(t.name()).get(30, TimeUnit.SECONDS);
                    created.add(t.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            awaitVisible(admin, wanted.stream().map(NewTopic::name).toList());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ExecutionException("timed out talking to Kafka at "
                    + props.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG), e);
        }
        return created;
    }

    /**
     * Waits until every partition of {@code names} is served by its leader. The controller confirms a creation
     * before the broker's metadata shows it, and the metadata shows a leader a moment before that leader's
     * log accepts writes: an idempotent producer whose first request lands in that moment and whose second
     * does not spins on OUT_OF_ORDER_SEQUENCE_NUMBER until its delivery timeout (KAFKA-15591). Asking each
     * leader for its latest offset succeeds only once it serves the partition.
     */
    public static void awaitVisible(Admin admin, java.util.Collection<String> names)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            Set<String> listed = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            if (listed.containsAll(names)) {
                Map<String, TopicDescription> described =
                        admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
                boolean leaders = true;
                for (TopicDescription d : described.values()) {
                    for (TopicPartitionInfo p : d.partitions()) {
                        leaders &= p.leader() != null && p.leader().id() >= 0;
                        partitions.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest());
                    }
                }
                if (leaders && served(admin, partitions)) {
                    return;
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new java.util.concurrent.TimeoutException(
                        "topics " + names + " not served by their leaders after 30 s");
            }
            Thread.sleep(100);
        }
    }

    /** Whether every partition's leader answers for its latest offset (false on a retriable error). */
    private static boolean served(Admin admin, Map<TopicPartition, OffsetSpec> partitions)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        try {
            admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RetriableException) {
                return false;
            }
            throw e;
        }
    }

    /** Creates the topics under their default names. */
    public static List<String> createTopics(String bootstrapServers)
            throws ExecutionException, InterruptedException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return createTopics(props, Map.of());
    }
}
