package io.streamrec.text.flink;

import io.streamrec.text.EncoderSettings;
import io.streamrec.text.ExecutionProvider;
import io.streamrec.text.model.ModelDirectoryResolver;
import io.streamrec.text.model.ModelFileException;
import io.streamrec.text.runtime.EncoderClosedException;
import io.streamrec.text.runtime.EncoderRegistry;
import io.streamrec.text.runtime.Lease;
import io.streamrec.text.runtime.MicroBatcher;
import io.streamrec.text.runtime.SentenceEncoder;
import io.streamrec.text.runtime.SessionSpec;
import io.streamrec.text.runtime.TokenizedText;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.runtime.execution.SuppressRestartsException;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * Encodes the text of each element with Flink async I/O. Requests go to the JVM-wide {@link MicroBatcher}, so
 * texts of all subtasks run through the model in batches; async I/O checkpoints the elements in flight and
 * replays them after a restore. Bad input never throws: it goes to the {@link FailureMapper} with the reason.
 * Wire it with {@link TextEncoding}.
 */
public class EncodeTextAsyncFunction<IN, OUT> extends RichAsyncFunction<IN, OUT> {

    private static final long serialVersionUID = 1L;

    private final EncoderSettings settings;
    private final TextExtractor<IN> textExtractor;
    private final EncodedMapper<IN, OUT> onEncoded;
    private final FailureMapper<IN, OUT> onFailed;
    private CacheKeyExtractor<IN> cacheKeyExtractor;

    private transient Lease<MicroBatcher> batcher;
    private transient SentenceEncoder encoder;
    private transient EmbeddingCache cache;
    private transient EncoderMetrics metrics;

    public EncodeTextAsyncFunction(
            EncoderSettings settings,
            TextExtractor<IN> textExtractor,
            EncodedMapper<IN, OUT> onEncoded,
            FailureMapper<IN, OUT> onFailed) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.textExtractor = Objects.requireNonNull(textExtractor, "textExtractor");
        this.onEncoded = Objects.requireNonNull(onEncoded, "onEncoded");
        this.onFailed = Objects.requireNonNull(onFailed, "onFailed");
    }

    /** Caches vectors by this key (e.g. item id) and text, so an unchanged text is not encoded again. */
    public EncodeTextAsyncFunction<IN, OUT> withCacheKey(CacheKeyExtractor<IN> keyExtractor) {
        this.cacheKeyExtractor = keyExtractor;
        return this;
    }

    public EncoderSettings settings() {
        return settings;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        super.open(openContext);
        RuntimeContext context = getRuntimeContext();
        int deviceId = settings.provider() == ExecutionProvider.CUDA
                ? GpuAssignment.deviceId(context, settings.cudaDeviceId())
                : settings.cudaDeviceId();
        try {
            start(deviceId, context.getMetricGroup());
        } catch (ModelFileException e) {
            // Missing or damaged model files stay missing on every restart: fail the job with the reason
            // instead of restarting it forever.
            throw new SuppressRestartsException(e);
        }
    }

    /** Opens without a Flink runtime (benchmarks, tools): no metrics, the device from the settings. */
    public void openStandalone() {
        start(settings.cudaDeviceId(), new UnregisteredMetricsGroup());
    }

    private void start(int deviceId, MetricGroup metricGroup) {
        Path modelDir = ModelDirectoryResolver.resolve(settings);
        batcher = EncoderRegistry.batcher(SessionSpec.of(modelDir, settings, deviceId), settings);
        encoder = batcher.get().encoder();
        cache = new EmbeddingCache(settings.cacheMaxEntries());
        metrics = new EncoderMetrics(metricGroup, cache);
    }

    @Override
    public void close() throws Exception {
        if (batcher != null) {
            batcher.close();
            batcher = null;
        }
        super.close();
    }

    @Override
    public void asyncInvoke(IN element, ResultFuture<OUT> result) {
        long started = System.nanoTime();
        String text;
        try {
            text = textExtractor.textOf(element);
        } catch (RuntimeException e) {
            fail(element, result, "cannot read the text: " + e);
            return;
        }
        if (text == null || text.isBlank()) {
            fail(element, result, "empty text");
            return;
        }
        String clipped = clip(text, settings.maxTextChars());
        String key = cacheKeyOf(element);
        float[] cached = key == null ? null : cache.get(key, clipped);
        if (cached != null) {
            emit(element, result, cached);
            return;
        }
        TokenizedText tokens;
        try {
            tokens = encoder.tokenize(clipped);
        } catch (RuntimeException e) {
            fail(element, result, "tokenizer failed: " + e);
            return;
        }
        batcher.get().submit(tokens).whenComplete((encoded, error) -> {
            if (error == null) {
                metrics.encoded(System.nanoTime() - started, encoded.batchSize());
                if (key != null) {
                    cache.put(key, clipped, encoded.vector());
                }
                emit(element, result, encoded.vector());
            } else if (error instanceof EncoderClosedException) {
                result.completeExceptionally(error);
            } else {
                fail(element, result, "model failed on this text: " + error);
            }
        });
    }

    @Override
    public void timeout(IN element, ResultFuture<OUT> result) {
        result.completeExceptionally(new TimeoutException("Text not encoded within encoder.async.timeout="
                + settings.asyncTimeout() + " (encoder overloaded? raise encoder.threads or lower the load);"
                + " the element is replayed after the restart"));
    }

    /** The provider the model really runs on (CPU after a CUDA fallback); valid after open. */
    public ExecutionProvider activeProvider() {
        return encoder.provider();
    }

    /** Hits and misses of this subtask's cache. */
    public EmbeddingCache cache() {
        return cache;
    }

    private String cacheKeyOf(IN element) {
        if (cacheKeyExtractor == null || !cache.enabled()) {
            return null;
        }
        try {
            return cacheKeyExtractor.keyOf(element);
        } catch (RuntimeException e) {
            return null; // an element without usable key is simply not cached
        }
    }

    private void emit(IN element, ResultFuture<OUT> result, float[] vector) {
        try {
            result.complete(Collections.singletonList(onEncoded.map(element, vector)));
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    private void fail(IN element, ResultFuture<OUT> result, String reason) {
        metrics.failed();
        try {
            result.complete(Collections.singletonList(onFailed.map(element, reason)));
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    /** Cuts to at most {@code maxChars} without splitting a surrogate pair (emoji). */
    static String clip(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return text.substring(0, end);
    }
}
