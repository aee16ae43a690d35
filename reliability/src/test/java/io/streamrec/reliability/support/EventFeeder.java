package io.streamrec.reliability.support;

import io.streamrec.avro.UserEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Writes events at a steady rate from a background thread, so failures hit a job in the middle of a
 * stream. Sends are asynchronous and idempotent: they wait out a broker restart and land once.
 */
public final class EventFeeder implements AutoCloseable {
    private final Thread thread;
    private final AtomicInteger sent = new AtomicInteger();
    private final List<Future<RecordMetadata>> futures = new ArrayList<>();
    private volatile boolean stopped;
    private volatile Throwable error;

    private EventFeeder(Kafka kafka, List<UserEvent> events, int perSecond) {
        this.thread = new Thread(() -> {
            long start = System.nanoTime();
            try {
                for (int i = 0; i < events.size() && !stopped; i++) {
                    long due = start + (long) (i * 1e9 / perSecond);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    Future<RecordMetadata> f = kafka.sendEvent(events.get(i));
                    synchronized (futures) {
                        futures.add(f);
                    }
                    sent.incrementAndGet();
                }
                kafka.flush();
            } catch (Throwable t) {
                error = t;
            }
        }, "event-feeder");
        thread.setDaemon(true);
    }

    public static EventFeeder start(Kafka kafka, List<UserEvent> events, int perSecond) {
        EventFeeder feeder = new EventFeeder(kafka, events, perSecond);
        feeder.thread.start();
        return feeder;
    }

    public int sent() {
        return sent.get();
    }

    /** Waits until every event is written and acknowledged. */
    public void awaitDone(Duration timeout) throws Exception {
        thread.join(timeout.toMillis());
        if (thread.isAlive()) {
            throw new AssertionError("feeder still running after " + timeout.toSeconds() + " s; sent " + sent());
        }
        if (error != null) {
            throw new AssertionError("feeder failed", error);
        }
        synchronized (futures) {
            for (Future<RecordMetadata> f : futures) {
                f.get();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(10_000);
    }
}
