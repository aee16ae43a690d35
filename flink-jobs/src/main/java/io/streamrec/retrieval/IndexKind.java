package io.streamrec.retrieval;

/** How the nearest items are retrieved. */
public enum IndexKind {
    EXACT,
    HNSW
}
