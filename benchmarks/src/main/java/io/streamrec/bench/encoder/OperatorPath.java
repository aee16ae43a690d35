package io.streamrec.bench.encoder;

import io.streamrec.text.EncoderSettings;
import io.streamrec.text.ExecutionProvider;
import io.streamrec.text.flink.EncodeTextAsyncFunction;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.streaming.api.functions.async.CollectionSupplier;
import org.apache.flink.streaming.api.functions.async.ResultFuture;

/**
 * The path the job uses: {@link EncodeTextAsyncFunction#asyncInvoke} into the shared micro-batcher, with at
 * most {@code capacity} texts in flight as Flink's async operator allows.
 */
final class OperatorPath implements AutoCloseable {

    private final EncodeTextAsyncFunction<String, float[]> function;
    private final int capacity;

    OperatorPath(EncoderSettings settings) {
        this.function = new EncodeTextAsyncFunction<String, float[]>(settings, text -> text,
                (text, vector) -> vector, (text, reason) -> {
                    throw new IllegalStateException("not encoded: " + reason);
                });
        this.capacity = settings.asyncCapacity();
        function.openStandalone();
    }

    void run(List<String> texts) throws Exception {
        Semaphore inFlight = new Semaphore(capacity);
        CountDownLatch done = new CountDownLatch(texts.size());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (String text : texts) {
            inFlight.acquire();
            function.asyncInvoke(text, new Completion(inFlight, done, failure));
        }
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("operator path did not finish");
        }
        if (failure.get() != null) {
            throw new IllegalStateException("operator path failed", failure.get());
        }
    }

    ExecutionProvider provider() {
        return function.activeProvider();
    }

    @Override
    public void close() throws Exception {
        function.close();
    }

    private record Completion(Semaphore inFlight, CountDownLatch done, AtomicReference<Throwable> failure)
            implements ResultFuture<float[]> {

        @Override
        public void complete(Collection<float[]> result) {
            inFlight.release();
            done.countDown();
        }

        @Override
        public void complete(CollectionSupplier<float[]> supplier) {
            try {
                complete(supplier.get());
            } catch (Exception e) {
                completeExceptionally(e);
            }
        }

        @Override
        public void completeExceptionally(Throwable error) {
            failure.compareAndSet(null, error);
            inFlight.release();
            done.countDown();
        }
    }
}
