package io.streamrec.text.flink;

import java.io.Serializable;

/** Builds the output of an element whose text was encoded; the vector is the caller's to keep. */
@FunctionalInterface
public interface EncodedMapper<IN, OUT> extends Serializable {
    OUT map(IN element, float[] vector);
}
