package io.streamrec.text;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Plain, serializable copy of the {@link EncoderOptions}, shipped inside the Flink function.
 *
 * @param modelDir explicit model folder, empty to resolve {@code model} by name
 */
public record EncoderSettings(
        String modelDir,
        String model,
        ExecutionProvider provider,
        int cudaDeviceId,
        boolean cudaFallbackToCpu,
        int threads,
        int batchMaxSize,
        Duration batchMaxWait,
        int maxTextChars,
        int cacheMaxEntries,
        int asyncCapacity,
        Duration asyncTimeout)
        implements Serializable {

    public EncoderSettings {
        require(threads >= 1, "encoder.threads must be at least 1, was " + threads);
        require(batchMaxSize >= 1, "encoder.batch.max-size must be at least 1, was " + batchMaxSize);
        require(!batchMaxWait.isNegative(), "encoder.batch.max-wait must not be negative");
        require(maxTextChars >= 1, "encoder.max-text-chars must be at least 1, was " + maxTextChars);
        require(cacheMaxEntries >= 0, "encoder.cache.max-entries must not be negative");
        require(asyncCapacity >= 1, "encoder.async.capacity must be at least 1, was " + asyncCapacity);
        require(cudaDeviceId >= 0, "encoder.cuda.device-id must not be negative");
    }

    public static EncoderSettings fromConfiguration(ReadableConfig config) {
        return new EncoderSettings(
                config.get(EncoderOptions.MODEL_DIR).trim(),
                config.get(EncoderOptions.MODEL).trim(),
                config.get(EncoderOptions.PROVIDER),
                config.get(EncoderOptions.CUDA_DEVICE_ID),
                config.get(EncoderOptions.CUDA_FALLBACK_TO_CPU),
                config.get(EncoderOptions.THREADS),
                config.get(EncoderOptions.BATCH_MAX_SIZE),
                config.get(EncoderOptions.BATCH_MAX_WAIT),
                config.get(EncoderOptions.MAX_TEXT_CHARS),
                config.get(EncoderOptions.CACHE_MAX_ENTRIES),
                config.get(EncoderOptions.ASYNC_CAPACITY),
                config.get(EncoderOptions.ASYNC_TIMEOUT));
    }

    /** All options at their defaults. */
    public static EncoderSettings defaults() {
        return fromConfiguration(new Configuration());
    }

    public EncoderSettings withModelDir(String dir) {
        return new EncoderSettings(dir, model, provider, cudaDeviceId, cudaFallbackToCpu, threads,
                batchMaxSize, batchMaxWait, maxTextChars, cacheMaxEntries, asyncCapacity, asyncTimeout);
    }

    public EncoderSettings withModel(String name) {
        return new EncoderSettings(modelDir, name, provider, cudaDeviceId, cudaFallbackToCpu, threads,
                batchMaxSize, batchMaxWait, maxTextChars, cacheMaxEntries, asyncCapacity, asyncTimeout);
    }

    public EncoderSettings withProvider(ExecutionProvider p, int deviceId, boolean fallbackToCpu) {
        return new EncoderSettings(modelDir, model, p, deviceId, fallbackToCpu, threads,
                batchMaxSize, batchMaxWait, maxTextChars, cacheMaxEntries, asyncCapacity, asyncTimeout);
    }

    public EncoderSettings withThreads(int n) {
        return new EncoderSettings(modelDir, model, provider, cudaDeviceId, cudaFallbackToCpu, n,
                batchMaxSize, batchMaxWait, maxTextChars, cacheMaxEntries, asyncCapacity, asyncTimeout);
    }

    public EncoderSettings withBatching(int maxSize, Duration maxWait) {
        return new EncoderSettings(modelDir, model, provider, cudaDeviceId, cudaFallbackToCpu, threads,
                maxSize, maxWait, maxTextChars, cacheMaxEntries, asyncCapacity, asyncTimeout);
    }

    public EncoderSettings withCacheMaxEntries(int entries) {
        return new EncoderSettings(modelDir, model, provider, cudaDeviceId, cudaFallbackToCpu, threads,
                batchMaxSize, batchMaxWait, maxTextChars, entries, asyncCapacity, asyncTimeout);
    }

    public EncoderSettings withMaxTextChars(int chars) {
        return new EncoderSettings(modelDir, model, provider, cudaDeviceId, cudaFallbackToCpu, threads,
                batchMaxSize, batchMaxWait, chars, cacheMaxEntries, asyncCapacity, asyncTimeout);
    }

    public EncoderSettings withAsync(int capacity, Duration timeout) {
        return new EncoderSettings(modelDir, model, provider, cudaDeviceId, cudaFallbackToCpu, threads,
                batchMaxSize, batchMaxWait, maxTextChars, cacheMaxEntries, capacity, timeout);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
