package io.streamrec.bench.pipeline;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Item;
import io.streamrec.avro.UserEvent;
import io.streamrec.schemas.AvroCodec;
import io.streamrec.schemas.Topic;
import io.streamrec.tools.RateLimiter;
import io.streamrec.tools.ReplayProducer;
import io.streamrec.tools.data.SyntheticWorkload;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes the synthetic workload to one run's topics: the catalogue, bursts of events (as fast as
 * possible, with the workload's own event times), events inside one open transaction (written in
 * advance, invisible to the job's read_committed sources until {@link #commit()}), and events at a fixed
 * rate, for latency: those keep the workload's event times, so the job sees one stream from the first drain
 * to the last latency phase (stamping them with the wall clock would jump event time forward by days: every
 * popularity decayed, no item fresh, every profile decayed, a different workload from the drains'), and their
 * send times are kept by event id ({@link #takeSendTime}) and as the record timestamp.
 */
final class EventFeed implements AutoCloseable {
    private static final AvroCodec<UserEvent> EVENTS = AvroCodec.of(UserEvent.class);
    private static final AvroCodec<Item> ITEMS = AvroCodec.of(Item.class);

    private final String bootstrap;
    private final BenchTopics topics;
    private final Iterator<UserEvent> events;
    private final String runTag;
    private final KafkaProducer<byte[], byte[]> plain;
    private KafkaProducer<byte[], byte[]> transactional;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Callback callback = (metadata, error) -> {
        if (error != null) {
            failure.compareAndSet(null, error);
        }
    };
    private final int lingerMs;
    /** Send time (epoch ms) by event id of the events sent at a rate, until the tail takes them. */
    private final Map<String, Long> sendTimes = new ConcurrentHashMap<>();
    private long sent;
    private long textEvents;

    EventFeed(String bootstrap, BenchTopics topics, SyntheticWorkload workload, String runTag, int lingerMs) {
        this.bootstrap = bootstrap;
        this.lingerMs = lingerMs;
        this.topics = topics;
        this.events = workload.events();
        this.runTag = runTag;
        this.plain = new KafkaProducer<>(props(null), new ByteArraySerializer(), new ByteArraySerializer());
    }

    private Properties props(String transactionalId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // Idempotence only where transactions need it: right after topic creation a partition can answer
        // NOT_LEADER once, and an idempotent producer may then retry its later batches with
        // OUT_OF_ORDER_SEQUENCE for good (seen with Kafka 4.2 on this single broker), stalling the run.
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, Boolean.toString(transactionalId != null));
        // An event's latency starts when it is handed to the producer, so the linger is part of it; Kafka's
        // default (5 ms) is what most upstream producers run with, and it spares the shared broker a request
        // per event.
        p.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(lingerMs));
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
        // The machine may be shared and busy: wait for a starved broker rather than fail the run.
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "600000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "120000");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "300000");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-feed-" + runTag + (transactionalId == null ? "" : "-tx"));
        if (transactionalId != null) {
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
            p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "600000");
            p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        }
        return p;
    }

    void sendItems(List<Item> items) {
        for (Item item : items) {
            plain.send(new ProducerRecord<>(topics.name(Topic.ITEMS), utf8(item.getItemId()), ITEMS.encode(item)),
                    callback);
        }
        flush();
    }

    /** The next {@code n} events as fast as possible, with their workload event times. */
    void sendBurst(long n) {
        for (long i = 0; i < n; i++) {
            send(plain, next(), null);
        }
        flush();
    }

    /** The next {@code n} events in one transaction, left open until {@link #commit()}. */
    void sendUncommitted(long n) {
        transactional = new KafkaProducer<>(props("bench-feed-" + runTag), new ByteArraySerializer(),
                new ByteArraySerializer());
        transactional.initTransactions();
        transactional.beginTransaction();
        for (long i = 0; i < n; i++) {
            send(transactional, next(), null);
        }
        transactional.flush();
        throwIfFailed();
    }

    /** Makes the events of {@link #sendUncommitted} visible to the job, all at once. */
    void commit() {
        transactional.commitTransaction();
        transactional.close(Duration.ofSeconds(30));
        transactional = null;
    }

    /**
     * Events at {@code rate} per second for {@code duration}, with the workload's event times; the send time
     * is the record timestamp and is kept for {@link #takeSendTime}. Returns how many were sent.
     */
    long sendAtRate(double rate, Duration duration) throws InterruptedException {
        RateLimiter limiter = new RateLimiter(rate);
        long end = System.nanoTime() + duration.toNanos();
        long n = 0;
        while (System.nanoTime() < end) {
            limiter.acquire();
            UserEvent e = next();
            long now = System.currentTimeMillis();
            sendTimes.put(e.getEventId(), now);
            send(plain, e, now);
            n++;
        }
        flush();
        return n;
    }

    /** When the event {@code eventId} was handed to the producer by {@link #sendAtRate}; null for others. */
    Long takeSendTime(String eventId) {
        return eventId == null ? null : sendTimes.remove(eventId);
    }

    private UserEvent next() {
        UserEvent e = events.next();
        if (e.getType() == EventType.SEARCH || e.getType() == EventType.REVIEW) {
            textEvents++;
        }
        return e;
    }

    private void send(KafkaProducer<byte[], byte[]> producer, UserEvent e, Long timestamp) {
        String topic = topics.name(ReplayProducer.topicOf(e.getType()));
        producer.send(new ProducerRecord<>(topic, null, timestamp, utf8(e.getUserId()), EVENTS.encode(e)), callback);
        sent++;
        if ((sent & 0xfff) == 0) {
            throwIfFailed();
        }
    }

    long sent() {
        return sent;
    }

    /** Share of the sent events that carry text (searches and reviews). */
    double textShare() {
        return sent == 0 ? 0 : (double) textEvents / sent;
    }

    private void flush() {
        plain.flush();
        throwIfFailed();
    }

    private void throwIfFailed() {
        Exception e = failure.get();
        if (e != null) {
            throw new IllegalStateException("writing events to " + bootstrap + " failed: " + e.getMessage(), e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (transactional != null) {
            transactional.close(Duration.ofSeconds(10));
        }
        plain.close(Duration.ofSeconds(30));
    }
}
