package io.streamrec.text.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects texts from any thread into batches: a batch runs when it has {@code maxBatchSize} texts or its first
 * text has waited {@code maxWait}. Texts that arrive while a batch runs form the next one, so batches grow with
 * load. One worker thread runs the model; each batch is sorted by length so padding stays small.
 */
public final class MicroBatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MicroBatcher.class);

    private record Request(TokenizedText tokens, long enqueuedNanos, CompletableFuture<EncodedText> result) {}

    private final SentenceEncoder encoder;
    private final int maxBatchSize;
    private final long maxWaitNanos;
    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean running = true;

    public MicroBatcher(SentenceEncoder encoder, int maxBatchSize, Duration maxWait, String name) {
        this.encoder = encoder;
        this.maxBatchSize = maxBatchSize;
        this.maxWaitNanos = maxWait.toNanos();
        this.worker = new Thread(this::runLoop, name);
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Queues a text; the future completes on the worker thread (exceptionally if the model fails on it). */
    public CompletableFuture<EncodedText> submit(TokenizedText tokens) {
        CompletableFuture<EncodedText> result = new CompletableFuture<>();
        if (!running) {
            result.completeExceptionally(new EncoderClosedException());
            return result;
        }
        queue.add(new Request(tokens, System.nanoTime(), result));
        return result;
    }

    public SentenceEncoder encoder() {
        return encoder;
    }

    private void runLoop() {
        List<Request> batch = new ArrayList<>(maxBatchSize);
        while (running) {
            try {
                collect(batch);
            } catch (InterruptedException e) {
                break;
            }
            if (!batch.isEmpty()) {
                run(batch);
                batch.clear();
            }
        }
        failAll(batch);
        List<Request> left = new ArrayList<>();
        queue.drainTo(left);
        failAll(left);
    }

    private void collect(List<Request> batch) throws InterruptedException {
        Request first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
            return;
        }
        batch.add(first);
        long deadline = first.enqueuedNanos() + maxWaitNanos;
        while (batch.size() < maxBatchSize) {
            long remaining = deadline - System.nanoTime();
            Request next = remaining > 0 ? queue.poll(remaining, TimeUnit.NANOSECONDS) : queue.poll();
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    private void run(List<Request> batch) {
        batch.sort(Comparator.comparingInt(r -> r.tokens().length()));
        long started = System.nanoTime();
        try {
            float[][] vectors = encoder.encode(batch.stream().map(Request::tokens).toList());
            for (int i = 0; i < batch.size(); i++) {
                Request r = batch.get(i);
                r.result().complete(new EncodedText(vectors[i], batch.size(), started - r.enqueuedNanos()));
            }
        } catch (Exception e) {
            if (batch.size() == 1) {
                batch.get(0).result().completeExceptionally(e);
                return;
            }
            // One text may break the whole batch: run them one by one so only that text fails.
            LOG.warn("A batch of {} texts failed ({}); encoding them one by one", batch.size(), e.toString());
            for (Request r : batch) {
                run(new ArrayList<>(List.of(r)));
            }
        }
    }

    private static void failAll(List<Request> requests) {
        requests.forEach(r -> r.result().completeExceptionally(new EncoderClosedException()));
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
