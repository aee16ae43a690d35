package io.streamrec.text.flink;

import java.io.Serializable;

/** The cache key of an element, e.g. its item id; null means: do not cache this element. */
@FunctionalInterface
public interface CacheKeyExtractor<IN> extends Serializable {
    String keyOf(IN element);
}
