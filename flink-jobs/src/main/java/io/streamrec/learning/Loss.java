package io.streamrec.learning;

/** What the ranker's gradients minimise. */
public enum Loss {
    /** Log loss of each labelled item on its own. */
    POINTWISE,
    /** Log loss of the taken item ranked above each of its negatives (BPR). */
    PAIRWISE,
    /**
     * Softmax log loss of the taken item among the candidates the ranker would have scored for that request
     * (a uniform sample of them): learnt only when the taken item was among those candidates, so the ranker
     * learns to order the lists it serves.
     */
    SOFTMAX
}
