package io.streamrec.eval.recommenders;

import java.util.List;

/** Texts in, unit-length vectors out (same order); the text-only baseline's view of the sentence encoder. */
public interface TextEncoder extends AutoCloseable {
    float[][] encode(List<String> texts);

    @Override
    default void close() {}
}
