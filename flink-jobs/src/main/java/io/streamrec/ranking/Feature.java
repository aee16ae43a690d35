package io.streamrec.ranking;

/**
 * The ranker's interpretable features, in parameter order. After them come the low-rank (diagonal
 * bilinear) terms: the fused user vector times the item vector, element by element.
 */
public enum Feature {
    BIAS,
    INTEREST,
    SESSION,
    INTENT,
    SENTIMENT,
    IMAGE,
    CO_OCCURRENCE,
    POPULARITY,
    FRESHNESS,
    CATEGORY,
    TIME_OF_DAY;

    public static final int COUNT = values().length;

    /** Prior weights: a sensible ranker before any feedback (learning moves from here). */
    public float prior() {
        return switch (this) {
            case BIAS -> -3.0f;
            case INTEREST -> 1.0f;
            case SESSION -> 1.0f;
            case INTENT -> 2.0f;
            case SENTIMENT -> 1.0f;
            case IMAGE -> 0.5f;
            case CO_OCCURRENCE -> 8.0f; // chosen on the tuning slices of two datasets (docs/evaluation.md)
            case POPULARITY -> 1.5f;
            case FRESHNESS -> 0.2f;
            case CATEGORY -> 1.0f;
            case TIME_OF_DAY -> 0.3f;
        };
    }
}
