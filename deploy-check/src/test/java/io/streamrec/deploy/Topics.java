package io.streamrec.deploy;

import io.streamrec.schemas.Topic;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The topics a deployment must create, from the Topic enum and the job's topics.* options. */
final class Topics {
    private Topics() {}

    /** A topic as a deployment file creates it. */
    record Created(int partitions, String cleanupPolicy) {}

    /** The name the job uses for each topic: its topics.* argument, else the enum's default. */
    static Map<Topic, String> effectiveNames(Map<String, String> programArgs) {
        Map<Topic, String> names = new EnumMap<>(Topic.class);
        Set<String> declared = ProductOptions.declared().keySet();
        for (Topic topic : Topic.values()) {
            String key = ProductOptions.topicOptionKey(topic);
            if (!declared.contains(key)) {
                throw new AssertionError("The job declares no option " + key + " for topic " + topic);
            }
            names.put(topic, programArgs.getOrDefault(key, topic.defaultName()));
        }
        return names;
    }

    /**
     * Problems with the topics a deployment creates: each of the job's topics exists with the
     * declared partitions and cleanup policy (compact for compacted topics), and no other is created.
     */
    static List<String> problems(Map<String, Created> created, Map<String, String> programArgs, String where) {
        List<String> problems = new ArrayList<>();
        Map<Topic, String> names = effectiveNames(programArgs);
        for (Map.Entry<Topic, String> e : names.entrySet()) {
            Topic topic = e.getKey();
            Created c = created.get(e.getValue());
            String expectedPolicy = topic.compacted() ? "compact" : "delete";
            if (c == null) {
                problems.add(where + ": topic '" + e.getValue() + "' (" + topic + ") is not created");
            } else if (c.partitions() != topic.partitions() || !expectedPolicy.equals(c.cleanupPolicy())) {
                problems.add(where + ": topic '" + e.getValue() + "' is created with " + c.partitions() + " partitions and "
                        + "cleanup.policy " + c.cleanupPolicy() + "; " + topic + " declares " + topic.partitions() + " and "
                        + expectedPolicy);
            }
        }
        Set<String> extra = new TreeSet<>(created.keySet());
        extra.removeAll(names.values());
        if (!extra.isEmpty()) {
            problems.add(where + ": topics " + extra + " are created but are not topics of the job");
        }
        return problems;
    }
}
