package io.streamrec.text.flink;

import java.io.Serializable;

/** Builds the output of an element whose text cannot be encoded (e.g. a dead-letter record with the reason). */
@FunctionalInterface
public interface FailureMapper<IN, OUT> extends Serializable {
    OUT map(IN element, String reason);
}
