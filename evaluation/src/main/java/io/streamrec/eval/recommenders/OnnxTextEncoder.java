package io.streamrec.eval.recommenders;

import ai.onnxruntime.OrtException;
import io.streamrec.text.EncoderSettings;
import io.streamrec.text.model.ModelDirectoryResolver;
import io.streamrec.text.runtime.EncoderRegistry;
import io.streamrec.text.runtime.Lease;
import io.streamrec.text.runtime.SentenceEncoder;
import io.streamrec.text.runtime.SessionSpec;
import java.nio.file.Path;
import java.util.List;

/** The project's sentence encoder (ONNX Runtime, CPU), used outside Flink. */
public final class OnnxTextEncoder implements TextEncoder {
    /** Length-sorted batches of 32 were the fastest on CPU in the encoder benchmarks. */
    private static final int BATCH_SIZE = 32;

    private final Lease<SentenceEncoder> encoder;

    private OnnxTextEncoder(Lease<SentenceEncoder> encoder) {
        this.encoder = encoder;
    }

    /**
     * Opens {@code model} (a folder name under the bundled models, e.g. {@code all-minilm-l6-v2-q}) with
     * {@code threads} intra-op threads.
     */
    public static OnnxTextEncoder open(String model, int threads) {
        EncoderSettings settings = EncoderSettings.defaults().withModel(model).withThreads(threads);
        Path dir = ModelDirectoryResolver.resolve(settings);
        return new OnnxTextEncoder(EncoderRegistry.encoder(SessionSpec.of(dir, settings, 0)));
    }

    public String description() {
        SentenceEncoder e = encoder.get();
        return e.files().dir().getFileName() + " (" + e.dimension() + "-d, " + e.provider() + ")";
    }

    @Override
    public float[][] encode(List<String> texts) {
        try {
            return encoder.get().encodeTexts(texts, BATCH_SIZE);
        } catch (OrtException e) {
            throw new IllegalStateException("text encoding failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        encoder.close();
    }
}
