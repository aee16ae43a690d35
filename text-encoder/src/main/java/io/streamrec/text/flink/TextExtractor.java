package io.streamrec.text.flink;

import java.io.Serializable;

/** The text to encode of an element (null or blank: the element goes to the failure mapper). */
@FunctionalInterface
public interface TextExtractor<IN> extends Serializable {
    String textOf(IN element);
}
