package io.streamrec.state;

import io.streamrec.vectors.Vectors;
import java.io.Serializable;
import java.util.List;

/**
 * Sentiment of a user's own words, zero-shot on the encoder's vectors: the text is compared with
 * prototype sentences of praise and of complaint, and the difference of the two similarities, scaled,
 * is the sentiment in [-1, 1]. A star rating, when the review has one, takes precedence.
 */
public final class SentimentClassifier implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Prototype sentences; their vectors are the class centroids. */
    public static final List<String> POSITIVE = List.of(
            "I love it, excellent quality, highly recommend.",
            "Great product, works perfectly, very happy with it.",
            "Wonderful, amazing, the best I have ever had.",
            "Five stars, exactly what I wanted, would buy again.");
    public static final List<String> NEGATIVE = List.of(
            "I hate it, terrible quality, do not buy.",
            "Awful product, broke after a day, very disappointed.",
            "Horrible, the worst I have ever had, waste of money.",
            "One star, nothing like the description, returning it.");
    /** Scale from similarity difference to sentiment; differences of about 0.1 are already clear. */
    static final float SCALE = 8f;

    private final float[] positive;
    private final float[] negative;
    private final float threshold;

    public SentimentClassifier(float[] positiveCentroid, float[] negativeCentroid, float threshold) {
        this.positive = positiveCentroid;
        this.negative = negativeCentroid;
        this.threshold = threshold;
    }

    /** Builds the classifier from the vectors of {@link #POSITIVE} and {@link #NEGATIVE}, in that order. */
    public static SentimentClassifier fromPrototypes(float[][] positiveVectors, float[][] negativeVectors) {
        return new SentimentClassifier(centroid(positiveVectors), centroid(negativeVectors), 0f);
    }

    /** A copy that calls a text positive above {@code threshold} (tuned on labelled reviews). */
    public SentimentClassifier withThreshold(float threshold) {
        return new SentimentClassifier(positive, negative, threshold);
    }

    /** Sentiment in [-1, 1] of a text vector. */
    public float score(float[] textVector) {
        float margin = Vectors.cosine(textVector, positive) - Vectors.cosine(textVector, negative) - threshold;
        return Math.max(-1f, Math.min(1f, margin * SCALE));
    }

    /** Sentiment of a review: from its star rating (1..5) when present, else from its text. */
    public float score(Float rating, float[] textVector) {
        if (rating != null) {
            return Math.max(-1f, Math.min(1f, (rating - 3f) / 2f));
        }
        return textVector == null ? 0f : score(textVector);
    }

    private static float[] centroid(float[][] vectors) {
        float[] sum = null;
        for (float[] v : vectors) {
            sum = Vectors.blend(sum, 1f, v, 1f);
        }
        return Vectors.normalized(sum);
    }
}
