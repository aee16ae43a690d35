package io.streamrec.bench.pipeline;

import io.streamrec.avro.Recommendation;
import io.streamrec.local.ProgressLine;
import io.streamrec.schemas.AvroCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Follows the recommendations topic from the beginning on its own thread: counts records and the
 * latest broker append time (LogAppendTime on the bench topics), and, for records appended after
 * {@link #measureLatencyFrom}, decodes the recommendation and records two latencies from the moment its
 * triggering event was handed to the producer: to the append time (written) and to the moment this
 * consumer received it (visible; with read_committed that is after the sink's transaction committed).
 * That moment comes from the feed by trigger event id, or, for the pass-through (whose trigger ids are
 * record positions), from the recommendation's event_time, which it takes from the record timestamp, the
 * same send time. Records appended before that time are not decoded, so the tail costs little while a job
 * drains at full speed.
 */
final class RecommendationTail implements AutoCloseable {
    private static final AvroCodec<Recommendation> CODEC = AvroCodec.of(Recommendation.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long count;
    private volatile long maxAppendTime = Long.MIN_VALUE;
    private volatile long latencyFrom = Long.MAX_VALUE;
    private volatile Throwable failure;
    final LatencyStats written = new LatencyStats();
    final LatencyStats visible = new LatencyStats();

    private final Function<String, Long> sendTimes;

    /** @param sendTimes when an event (by id) was sent, null when unknown ({@link EventFeed#takeSendTime}) */
    RecommendationTail(String bootstrap, String topic, boolean readCommitted, Function<String, Long> sendTimes) {
        this.sendTimes = sendTimes;
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-tail-" + topic);
        consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::run, "bench-tail");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(50));
                long received = System.currentTimeMillis();
                long max = maxAppendTime;
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    long appended = r.timestamp();
                    max = Math.max(max, appended);
                    long from = latencyFrom; // per record: a new phase may start mid-batch (LatencySweep)
                    if (appended >= from) {
                        long origin = latencyOrigin(CODEC.decode(r.value()), sendTimes);
                        if (origin >= from) {
                            written.add(origin, appended - origin);
                            visible.add(origin, received - origin);
                        }
                    }
                }
                maxAppendTime = max;
                count += records.count();
            }
        } catch (Throwable t) {
            if (running) {
                failure = t;
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** When the event behind {@code rec} was sent: by its trigger id if known, else its event_time. */
    static long latencyOrigin(Recommendation rec, Function<String, Long> sendTimes) {
        Long sentAt = sendTimes.apply(rec.getTriggerEventId());
        return sentAt != null ? sentAt : rec.getEventTime().toEpochMilli();
    }

    /** Recommendations of events sent from {@code wallMillis} on are decoded and their latency recorded. */
    void measureLatencyFrom(long wallMillis) {
        latencyFrom = wallMillis;
    }

    /** Starts a new measured phase at {@code wallMillis}: the samples so far are dropped. */
    void restartLatencyFrom(long wallMillis) {
        latencyFrom = wallMillis;
        written.clear();
        visible.clear();
    }

    long count() {
        check();
        return count;
    }

    long maxAppendTime() {
        return maxAppendTime;
    }

    /**
     * Waits until {@code n} records have been seen; gives up when the count has not grown for
     * {@code stall}. Prints a progress line every 5 s. Returns whether {@code n} was reached.
     */
    boolean awaitCount(long n, Duration stall, Progress progress, String what) throws InterruptedException {
        ProgressLine line = new ProgressLine(progress::line, what + ":", "recommendations", Duration.ofSeconds(5));
        long last = -1;
        long lastChange = System.nanoTime();
        while (true) {
            long c = count();
            if (c >= n) {
                return true;
            }
            if (c != last) {
                last = c;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > stall.toNanos()) {
                progress.line(String.format(Locale.ROOT, "%s: stalled at %,d of %,d recommendations", what, c, n));
                return false;
            }
            line.update(c, n);
            Thread.sleep(20);
        }
    }

    private void check() {
        if (failure != null) {
            throw new IllegalStateException("reading recommendations failed: " + failure, failure);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
