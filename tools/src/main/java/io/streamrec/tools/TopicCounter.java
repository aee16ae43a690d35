package io.streamrec.tools;

import io.streamrec.local.CommandLine;
import io.streamrec.schemas.Topic;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.IsolationLevel;

/**
 * Counts the records of topics by reading them to their end ({@link TopicReader}), read_committed
 * unless told otherwise: on transactional topics end offsets minus start offsets would also count
 * transaction markers and aborted records.
 *
 * <pre>
 *   TopicCounter --bootstrap 127.0.0.1:9092 [--topics views,clicks] [--isolation read_committed|read_uncommitted]
 * </pre>
 * prints one {@code topic=count} line per topic (default: all the product's topics).
 */
public final class TopicCounter {
    private TopicCounter() {}

    public static void main(String[] args) {
        try {
            CommandLine cli = CommandLine.parse(List.of(args));
            String bootstrap = cli.get("bootstrap", "127.0.0.1:9092");
            List<String> topics = cli.has("topics")
                    ? Arrays.stream(cli.get("topics", "").split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList()
                    : Arrays.stream(Topic.values()).map(Topic::defaultName).toList();
            IsolationLevel isolation = isolation(cli.get("isolation", "read_committed"));
            for (String topic : topics) {
                System.out.println(topic + "=" + count(bootstrap, topic, isolation));
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("topic-counter: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Committed records in {@code topic}. */
    public static long count(String bootstrap, String topic) {
        return count(bootstrap, topic, IsolationLevel.READ_COMMITTED);
    }

    public static long count(String bootstrap, String topic, IsolationLevel isolation) {
        AtomicLong count = new AtomicLong();
        TopicReader.scan(bootstrap, topic, isolation, record -> count.incrementAndGet());
        return count.get();
    }

    static IsolationLevel isolation(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "read_committed" -> IsolationLevel.READ_COMMITTED;
            case "read_uncommitted" -> IsolationLevel.READ_UNCOMMITTED;
            default -> throw new IllegalArgumentException(
                    "--isolation expects read_committed or read_uncommitted, got '" + value + "'");
        };
    }
}
