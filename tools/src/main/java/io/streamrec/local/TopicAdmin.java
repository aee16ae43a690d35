package io.streamrec.local;

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
import org.apache.kafka.common.config.TopicConfig;
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
     * Waits until the broker lists every topic with a leader for each partition: the controller confirms a
     * creation before every broker's metadata shows it, and a client asking in between would be told the
     * topic does not exist.
     */
    public static void awaitVisible(Admin admin, java.util.Collection<String> names)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            Set<String> listed = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            if (listed.containsAll(names) && admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS)
                    .values().stream().allMatch(d -> d.partitions().stream()
                            .allMatch(p -> p.leader() != null && p.leader().id() >= 0))) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new java.util.concurrent.TimeoutException("topics " + names + " not visible with leaders after 30 s");
            }
            Thread.sleep(100);
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
