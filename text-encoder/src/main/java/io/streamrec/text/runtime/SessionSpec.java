package io.streamrec.text.runtime;

import io.streamrec.text.EncoderSettings;
import io.streamrec.text.ExecutionProvider;
import java.nio.file.Path;

/** Identifies one shared ONNX Runtime session in a JVM: same model folder, provider, device and threads. */
public record SessionSpec(Path modelDir, ExecutionProvider provider, int deviceId, boolean fallbackToCpu, int threads) {

    public static SessionSpec of(Path modelDir, EncoderSettings settings, int deviceId) {
        return new SessionSpec(modelDir.toAbsolutePath().normalize(), settings.provider(), deviceId,
                settings.cudaFallbackToCpu(), settings.threads());
    }
}
