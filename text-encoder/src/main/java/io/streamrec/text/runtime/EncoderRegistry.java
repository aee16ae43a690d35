package io.streamrec.text.runtime;

import io.streamrec.text.EncoderSettings;
import io.streamrec.text.model.ModelFiles;
import java.time.Duration;

/**
 * JVM-wide sharing: one {@link SentenceEncoder} (ONNX Runtime session) per (model, provider, device, threads)
 * and one {@link MicroBatcher} per session and batch settings, so texts from all subtasks of a TaskManager batch
 * together. Both are closed when their last user releases them.
 */
public final class EncoderRegistry {

    private record BatcherKey(SessionSpec session, int maxBatchSize, Duration maxWait) {}

    private static final SharedResources<SessionSpec, SentenceEncoder> ENCODERS = new SharedResources<>();
    private static final SharedResources<BatcherKey, LeasedBatcher> BATCHERS = new SharedResources<>();

    private EncoderRegistry() {}

    /** The shared encoder of a session spec (model files are checked on first use). */
    public static Lease<SentenceEncoder> encoder(SessionSpec spec) {
        return ENCODERS.acquire(spec, key -> SentenceEncoder.open(ModelFiles.load(key.modelDir()), key));
    }

    /** The shared batcher of a session spec and the batch settings. */
    public static Lease<MicroBatcher> batcher(SessionSpec spec, EncoderSettings settings) {
        BatcherKey key = new BatcherKey(spec, settings.batchMaxSize(), settings.batchMaxWait());
        Lease<LeasedBatcher> lease = BATCHERS.acquire(key, k -> LeasedBatcher.start(k.session(),
                k.maxBatchSize(), k.maxWait()));
        return new Lease<>(lease.get().batcher(), lease::close);
    }

    /** Number of users of the session for this spec (0 when closed); for tests and diagnostics. */
    public static int sessionUsers(SessionSpec spec) {
        return ENCODERS.users(spec);
    }

    /** A batcher together with the session lease it holds. */
    private record LeasedBatcher(MicroBatcher batcher, Lease<SentenceEncoder> encoder) implements AutoCloseable {

        static LeasedBatcher start(SessionSpec spec, int maxBatchSize, Duration maxWait) {
            Lease<SentenceEncoder> encoder = EncoderRegistry.encoder(spec);
            String name = "text-encoder-" + spec.modelDir().getFileName() + "-" + spec.provider();
            return new LeasedBatcher(new MicroBatcher(encoder.get(), maxBatchSize, maxWait, name), encoder);
        }

        @Override
        public void close() {
            try {
                batcher.close();
            } finally {
                encoder.close();
            }
        }
    }
}
