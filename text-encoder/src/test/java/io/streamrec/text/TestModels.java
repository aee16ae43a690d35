package io.streamrec.text;

import io.streamrec.text.model.ModelDirectoryResolver;
import io.streamrec.text.runtime.EncoderRegistry;
import io.streamrec.text.runtime.Lease;
import io.streamrec.text.runtime.SentenceEncoder;
import io.streamrec.text.runtime.SessionSpec;
import java.nio.file.Path;

/** The bundled model folders from the onnx-models build, as the tests use them. */
public final class TestModels {

    public static final String FP32 = "all-minilm-l6-v2";
    public static final String INT8 = "all-minilm-l6-v2-q";

    private TestModels() {}

    public static Path dir(String model) {
        return ModelDirectoryResolver.resolve(EncoderSettings.defaults().withModel(model));
    }

    public static EncoderSettings settings(String model) {
        return EncoderSettings.defaults().withModelDir(dir(model).toString()).withThreads(2);
    }

    /** A lease on the JVM-shared encoder; close it when done. */
    public static Lease<SentenceEncoder> encoder(String model) {
        return EncoderRegistry.encoder(SessionSpec.of(dir(model), settings(model), 0));
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
