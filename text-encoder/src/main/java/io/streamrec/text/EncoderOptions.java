package io.streamrec.text;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Every setting of the text encoder, read by {@link EncoderSettings#fromConfiguration}. */
public final class EncoderOptions {

    public static final ConfigOption<String> MODEL_DIR =
            ConfigOptions.key("encoder.model-dir")
                    .stringType()
                    .defaultValue("")
                    .withDescription(
                            "Folder holding model.onnx and tokenizer.json (and optionally manifest.json) of a"
                                    + " BERT-family sentence encoder. Empty: the system property"
                                    + " streamrec.encoder.model-dir or the environment variable"
                                    + " STREAMREC_ENCODER_MODEL_DIR, else MODELS_ROOT/encoder.model with MODELS_ROOT"
                                    + " from streamrec.models.root / STREAMREC_MODELS_ROOT, else"
                                    + " onnx-models/target/models/encoder.model found upward from the working"
                                    + " directory, else /opt/flink/usrlib/models/encoder.model.");

    public static final ConfigOption<String> MODEL =
            ConfigOptions.key("encoder.model")
                    .stringType()
                    .defaultValue("all-minilm-l6-v2-q")
                    .withDescription(
                            "Name of the model folder looked up when encoder.model-dir is empty:"
                                    + " all-minilm-l6-v2-q (int8, default: 2-2.5x faster on CPU) or all-minilm-l6-v2"
                                    + " (fp32, reference output).");

    public static final ConfigOption<ExecutionProvider> PROVIDER =
            ConfigOptions.key("encoder.provider")
                    .enumType(ExecutionProvider.class)
                    .defaultValue(ExecutionProvider.CPU)
                    .withDescription("Execution provider of ONNX Runtime: cpu or cuda.");

    public static final ConfigOption<Integer> CUDA_DEVICE_ID =
            ConfigOptions.key("encoder.cuda.device-id")
                    .intType()
                    .defaultValue(0)
                    .withDescription(
                            "CUDA device used when the TaskManager offers no 'gpu' external resource"
                                    + " (with one, its first GPU index is used).");

    public static final ConfigOption<Boolean> CUDA_FALLBACK_TO_CPU =
            ConfigOptions.key("encoder.cuda.fallback-to-cpu")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "With encoder.provider=cuda and no usable GPU: run on the CPU (true) or fail the"
                                    + " task with the reason (false).");

    public static final ConfigOption<Integer> THREADS =
            ConfigOptions.key("encoder.threads")
                    .intType()
                    .defaultValue(1)
                    .withDescription(
                            "Intra-op threads of the CPU session. One session serves all subtasks of a"
                                    + " TaskManager, so give it the cores the TaskManager can spare.");

    public static final ConfigOption<Integer> BATCH_MAX_SIZE =
            ConfigOptions.key("encoder.batch.max-size")
                    .intType()
                    .defaultValue(32)
                    .withDescription("Most texts run through the model together.");

    public static final ConfigOption<Duration> BATCH_MAX_WAIT =
            ConfigOptions.key("encoder.batch.max-wait")
                    .durationType()
                    .defaultValue(Duration.ofMillis(5))
                    .withDescription(
                            "Longest time the first text of a batch waits for more texts before the batch runs.");

    public static final ConfigOption<Integer> MAX_TEXT_CHARS =
            ConfigOptions.key("encoder.max-text-chars")
                    .intType()
                    .defaultValue(4096)
                    .withDescription(
                            "Texts are cut to this many characters before tokenisation (the model reads at"
                                    + " most its max sequence length in tokens anyway).");

    public static final ConfigOption<Integer> CACHE_MAX_ENTRIES =
            ConfigOptions.key("encoder.cache.max-entries")
                    .intType()
                    .defaultValue(10_000)
                    .withDescription(
                            "Embeddings kept per subtask, keyed by cache key (item id) and text; about 1.6 KB"
                                    + " each. 0 disables the cache.");

    public static final ConfigOption<Integer> ASYNC_CAPACITY =
            ConfigOptions.key("encoder.async.capacity")
                    .intType()
                    .defaultValue(128)
                    .withDescription(
                            "Texts in flight per subtask (async I/O capacity); keep it at least twice"
                                    + " encoder.batch.max-size.");

    public static final ConfigOption<Duration> ASYNC_TIMEOUT =
            ConfigOptions.key("encoder.async.timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(60))
                    .withDescription(
                            "A text not encoded within this time fails the task (it is replayed after restore).");

    private EncoderOptions() {}
}
