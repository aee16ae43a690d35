package io.streamrec.text.runtime;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;

/** A private (unshared) session opened like the shared ones; for baselines and tools. */
public final class Sessions {

    private Sessions() {}

    public static OrtSession open(Path model, SessionSpec spec) throws OrtException {
        return SessionFactory.open(model, spec).session();
    }
}
