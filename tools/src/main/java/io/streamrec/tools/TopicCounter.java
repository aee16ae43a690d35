package io.streamrec.tools;

import io.streamrec.local.CommandLines;
import io.streamrec.local.HelpOption;
import io.streamrec.schemas.Topic;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.IsolationLevel;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Counts the records of topics by reading them to their end ({@link TopicReader}), read_committed
 * unless told otherwise: on transactional topics end offsets minus start offsets would also count
 * transaction markers and aborted records. Prints one {@code topic=count} line per topic.
 */
@Command(name = "TopicCounter", showDefaultValues = true, sortOptions = false,
        description = "Prints one topic=count line per topic: its records, read to the end.")
public final class TopicCounter implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:9092",
            description = "Kafka to read from.")
    String bootstrap;

    @Option(names = "--topics", paramLabel = "TOPIC", split = ",",
            description = "Topics to count, comma-separated (default: all the product's topics).")
    List<String> topics;

    @Option(names = "--isolation", paramLabel = "LEVEL", defaultValue = "read_committed",
            converter = IsolationConverter.class,
            description = "read_committed (records of committed transactions) or read_uncommitted.")
    IsolationLevel isolation;

    public static void main(String[] args) {
        System.exit(CommandLines.execute(new TopicCounter(), args));
    }

    @Override
    public Integer call() {
        List<String> names = topics == null ? Arrays.stream(Topic.values()).map(Topic::defaultName).toList()
                : topics.stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
        for (String topic : names) {
            System.out.println(topic + "=" + count(bootstrap, topic, isolation));
        }
        return 0;
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

    /** Kafka's own spelling of the levels, in any case. */
    static final class IsolationConverter implements ITypeConverter<IsolationLevel> {
        @Override
        public IsolationLevel convert(String value) {
            return isolation(value);
        }
    }

    static IsolationLevel isolation(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "read_committed" -> IsolationLevel.READ_COMMITTED;
            case "read_uncommitted" -> IsolationLevel.READ_UNCOMMITTED;
            default -> throw new TypeConversionException(
                    "expected read_committed or read_uncommitted, got '" + value + "'");
        };
    }
}
