package io.streamrec.recommenders;

/**
 * The model recommender's current values for its gauges (read by the metrics thread, hence volatile):
 * version and checksum of the parameters, items indexed, update staleness, gradient norm, loss.
 */
final class ModelGauges {
    volatile long modelVersion;
    volatile long itemsIndexed;
    volatile long modelChecksum;
    volatile long stalenessMillis;
    volatile double gradientNorm;
    volatile double logLoss;
}
