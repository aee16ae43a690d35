package io.streamrec.text.runtime;

/** The vector of one text and the batch that produced it (for metrics). */
public record EncodedText(float[] vector, int batchSize, long queuedNanos) {}
