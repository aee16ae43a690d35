package io.streamrec.tools;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Sends asynchronously and counts what the broker acknowledged, by kind and by topic. The first
 * failed send stops the replay: the next {@link #send} or {@link #flush} throws it with context.
 */
final class ReplaySender implements AutoCloseable {
    enum Kind { EVENT, ITEM, BAD }

    private final KafkaProducer<byte[], byte[]> producer;
    private final String bootstrap;
    private final Map<Kind, LongAdder> byKind = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byTopic = new ConcurrentHashMap<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private long eventsSent;

    ReplaySender(KafkaProducer<byte[], byte[]> producer, String bootstrap) {
        this.producer = producer;
        this.bootstrap = bootstrap;
        for (Kind kind : Kind.values()) {
            byKind.put(kind, new LongAdder());
        }
    }

    void send(Kind kind, String topic, byte[] key, byte[] value) {
        throwIfFailed();
        if (kind == Kind.EVENT) {
            eventsSent++;
        }
        try {
            producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, new IllegalStateException("writing to topic " + topic + " on "
                            + bootstrap + " failed: " + error.getMessage(), error));
                } else {
                    byKind.get(kind).increment();
                    byTopic.computeIfAbsent(topic, t -> new LongAdder()).increment();
                }
            });
        } catch (KafkaException e) {
            throw new IllegalStateException("cannot send to topic " + topic + " on " + bootstrap + ": "
                    + e.getMessage(), e);
        }
    }

    /** Events handed to the producer so far (acknowledged or not). */
    long eventsSent() {
        return eventsSent;
    }

    void flush() {
        producer.flush();
        throwIfFailed();
    }

    ProducedCounts counts() {
        Map<String, Long> perTopic = new HashMap<>();
        byTopic.forEach((topic, count) -> perTopic.put(topic, count.sum()));
        return new ProducedCounts(byKind.get(Kind.EVENT).sum(), byKind.get(Kind.ITEM).sum(),
                byKind.get(Kind.BAD).sum(), perTopic);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }

    private void throwIfFailed() {
        Exception e = failure.get();
        if (e != null) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
