package io.streamrec.learning;

/** What the ranker's gradients minimise. */
public enum Loss {
    /** Log loss of each labelled item on its own. */
    POINTWISE,
    /** Log loss of the taken item ranked above each of its negatives (BPR). */
    PAIRWISE
}
