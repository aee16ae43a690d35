package io.streamrec.bench.pipeline;

import io.streamrec.local.kafka.TopicAdmin;
import io.streamrec.schemas.Topic;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * A fresh set of the product's topics for one run, named {@code <prefix>-<default name>} with the
 * product's partition counts and cleanup policies. The recommendations topic stamps records with the
 * broker's append time ({@code LogAppendTime}): the job's sink forwards the triggering event's
 * timestamp, so the producer-side timestamp would say nothing about when the recommendation was written.
 */
public final class BenchTopics {
    private final Map<Topic, String> names = new EnumMap<>(Topic.class);

    private BenchTopics(String prefix) {
        for (Topic t : Topic.values()) {
            names.put(t, prefix + "-" + t.defaultName());
        }
    }

    public static BenchTopics create(String bootstrap, String prefix) throws Exception {
        BenchTopics topics = new BenchTopics(prefix);
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        List<NewTopic> wanted = new ArrayList<>();
        for (Topic t : Topic.values()) {
            Map<String, String> configs = new HashMap<>();
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG,
                    t.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE);
            if (t == Topic.RECOMMENDATIONS) {
                configs.put(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
            }
            wanted.add(new NewTopic(topics.name(t), t.partitions(), (short) 1).configs(configs));
        }
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(wanted).all().get(60, TimeUnit.SECONDS);
            // An idempotent producer meeting a partition without a leader may stall on OUT_OF_ORDER_SEQUENCE.
            TopicAdmin.awaitVisible(admin, topics.names.values());
        }
        return topics;
    }

    public String name(Topic topic) {
        return names.get(topic);
    }

    /** The job options that point the job at these topics. */
    public Map<String, String> jobOptions() {
        Map<String, String> options = new HashMap<>();
        for (Map.Entry<Topic, String> e : names.entrySet()) {
            options.put("topics." + e.getKey().defaultName(), e.getValue());
        }
        return options;
    }
}
