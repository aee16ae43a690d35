package io.streamrec.recommenders;

/**
 * The model recommender's current values for its gauges (read by the metrics thread, hence volatile):
 * version and checksum of the parameters, items indexed, update staleness, gradient norm, loss, and the
 * serving gate's choice and hit rates.
 */
final class ModelGauges {
    volatile long modelVersion;
    volatile long itemsIndexed;
    volatile long modelChecksum;
    volatile long stalenessMillis;
    volatile double gradientNorm;
    volatile double logLoss;
    volatile int servesLearned = 1;
    volatile double learnedHitRate;
    volatile double priorHitRate;
}
