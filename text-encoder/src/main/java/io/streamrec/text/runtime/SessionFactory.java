package io.streamrec.text.runtime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.streamrec.text.ExecutionProvider;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens an ONNX Runtime session on the asked provider, falling back to the CPU only when allowed. */
final class SessionFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SessionFactory.class);

    /** An open session and the provider it really runs on. */
    record OpenedSession(OrtSession session, ExecutionProvider provider) {}

    private SessionFactory() {}

    static OpenedSession open(Path model, SessionSpec spec) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        if (spec.provider() == ExecutionProvider.CUDA) {
            try (OrtSession.SessionOptions options = baseOptions(spec.threads())) {
                // addCUDA throws when the CUDA libraries or the GPU are missing (also with the CPU-only jar).
                options.addCUDA(spec.deviceId());
                OrtSession session = env.createSession(model.toString(), options);
                LOG.info("Text encoder {} runs on CUDA device {}", model, spec.deviceId());
                return new OpenedSession(session, ExecutionProvider.CUDA);
            } catch (OrtException e) {
                if (!spec.fallbackToCpu()) {
                    throw new EncoderUnavailableException("encoder.provider=cuda but CUDA device "
                            + spec.deviceId() + " is not usable: " + e.getMessage() + " (needs the onnxruntime_gpu"
                            + " jar, built with -Pgpu, CUDA 12 + cuDNN 9 libraries and a GPU; or set"
                            + " encoder.cuda.fallback-to-cpu=true)", e);
                }
                LOG.warn("CUDA device {} is not usable ({}); encoder.cuda.fallback-to-cpu=true, so the text"
                        + " encoder runs on the CPU with {} thread(s)", spec.deviceId(), e.getMessage(),
                        spec.threads());
            }
        }
        try (OrtSession.SessionOptions options = baseOptions(spec.threads())) {
            OrtSession session = env.createSession(model.toString(), options);
            LOG.info("Text encoder {} runs on the CPU with {} intra-op thread(s)", model, spec.threads());
            return new OpenedSession(session, ExecutionProvider.CPU);
        }
    }

    private static OrtSession.SessionOptions baseOptions(int threads) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        options.setIntraOpNumThreads(threads);
        options.setInterOpNumThreads(1);
        return options;
    }
}
