package io.streamrec.ranking;

import io.streamrec.vectors.Vectors;

/** The ranker's score: a linear model over the features, squashed to a probability. */
public final class Logistic {
    private Logistic() {}

    /** {@code w . x} over the dimensions both have. */
    public static float logit(float[] weights, float[] x) {
        return Vectors.dot(weights, 0, x, 0, Math.min(weights.length, x.length));
    }

    public static float probability(float[] weights, float[] x) {
        return sigmoid(logit(weights, x));
    }

    public static float sigmoid(float z) {
        return (float) (1.0 / (1.0 + Math.exp(-z)));
    }
}
