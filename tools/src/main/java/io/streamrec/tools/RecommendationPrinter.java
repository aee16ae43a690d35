package io.streamrec.tools;

import io.streamrec.avro.Recommendation;
import io.streamrec.local.CommandLines;
import io.streamrec.schemas.AvroCodec;
import io.streamrec.schemas.UndecodableRecordException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Prints the recommendations topic readably (see {@link RecommendationFormatter}), read_committed so
 * only recommendations of committed transactions show. Undecodable records get a line saying where
 * and why, and printing goes on. Its options: {@link RecommendationPrinterCommand}.
 */
public final class RecommendationPrinter {
    private static final AvroCodec<Recommendation> CODEC = AvroCodec.of(Recommendation.class);

    /** What to read and when to stop; {@code max} 0 and {@code idleTimeout} null mean no limit. */
    public record Options(String bootstrap, String topic, boolean fromBeginning, long max, Duration idleTimeout,
            boolean quiet) {}

    /** Recommendations printed (or counted, when quiet) and records that did not decode. */
    public record PrintCounts(long recommendations, long undecodable) {
        public String summary() {
            return "recommendations: " + recommendations + " (undecodable: " + undecodable + ")";
        }
    }

    private RecommendationPrinter() {}

    public static void main(String[] args) {
        int code = CommandLines.execute(new RecommendationPrinterCommand(), args);
        if (code != 0) { // not after a Ctrl-C: the shutdown hook lets the JVM end once the count line is out
            System.exit(code);
        }
    }

    /** Prints until {@code options} say so or the JVM is stopped (Ctrl-C), and always ends with the count line. */
    static void runUntilStopped(Options options) {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.set(true);
            try {
                finished.await(5, TimeUnit.SECONDS); // let the loop print its count line
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            run(options, System.out, stop);
        } finally {
            finished.countDown();
        }
    }

    /** Prints until {@code options} or {@code stop} say so, then prints and returns the counts. */
    public static PrintCounts run(Options options, PrintStream out, AtomicBoolean stop) {
        KafkaClients.requireTopics(options.bootstrap(), List.of(options.topic()), Duration.ofSeconds(15));
        long printed = 0;
        long undecodable = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                KafkaClients.consumerProps(options.bootstrap(), IsolationLevel.READ_COMMITTED),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(options.topic(), Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(options.topic(), info.partition()));
            }
            consumer.assign(partitions);
            if (options.fromBeginning()) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            long lastRecord = System.nanoTime();
            while (!stop.get() && (options.max() == 0 || printed < options.max())) {
                boolean any = false;
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    any = true;
                    if (options.max() > 0 && printed >= options.max()) {
                        break;
                    }
                    try {
                        Recommendation rec = CODEC.decode(record.value());
                        printed++;
                        if (!options.quiet()) {
                            out.println(RecommendationFormatter.format(rec));
                        }
                    } catch (UndecodableRecordException e) {
                        undecodable++;
                        out.println(undecodableLine(record, e));
                    }
                }
                if (any) {
                    lastRecord = System.nanoTime();
                } else if (options.idleTimeout() != null
                        && System.nanoTime() - lastRecord > options.idleTimeout().toNanos()) {
                    break;
                }
            }
        }
        PrintCounts counts = new PrintCounts(printed, undecodable);
        out.println(counts.summary());
        return counts;
    }

    static String undecodableLine(ConsumerRecord<byte[], byte[]> record, UndecodableRecordException e) {
        return "! " + record.topic() + "-" + record.partition() + "@" + record.offset() + ": cannot decode a "
                + "recommendation (" + e.reason() + "): " + e.getMessage();
    }
}
