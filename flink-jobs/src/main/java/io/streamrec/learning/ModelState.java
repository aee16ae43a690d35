package io.streamrec.learning;

import io.streamrec.ranking.Feature;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The ranker's parameters and AdaGrad accumulators, the serving gate's counts, and the version: the number
 * of updates applied. Kept in broadcast state, so it is checkpointed with the offsets of the model-updates
 * topic it reflects.
 */
public class ModelState {
    public long version;
    public float[] weights;
    public float[] accumulators;
    /** Learned against prior weights on the lists served; null in state written before the gate existed. */
    public ServingGate gate = new ServingGate();
    /** Digest of the item biases' values after each update ({@link ItemBiases}): they are part of the model. */
    public long itemChecksum;

    public ModelState() {}

    /** The prior model for item vectors of dimension {@code textDimension}. */
    public static ModelState prior(int textDimension) {
        ModelState m = new ModelState();
        m.weights = new float[Feature.COUNT + textDimension];
        for (int i = 0; i < m.weights.length; i++) {
            m.weights[i] = priorWeight(i);
        }
        m.accumulators = new float[m.weights.length];
        Arrays.fill(m.accumulators, 1e-2f);
        return m;
    }

    /**
     * The prior value of parameter {@code i}: the feature's prior, then a small positive weight for the
     * bilinear terms (similarity helps before any feedback). Regularisation pulls towards it.
     */
    public static float priorWeight(int i) {
        return i < Feature.COUNT ? FEATURE_PRIORS[i] : BILINEAR_PRIOR;
    }

    private static final float BILINEAR_PRIOR = Float.parseFloat(System.getProperty("prior.BILINEAR", "0.3"));
    private static final float[] FEATURE_PRIORS = new float[Feature.COUNT];

    static {
        for (Feature f : Feature.values()) {
            FEATURE_PRIORS[f.ordinal()] = Float.parseFloat(System.getProperty("prior." + f.name(), Float.toString(f.prior())));
        }
    }

    /** The prior weights for this model's size: what serves when the gate keeps the learned ones out. */
    public float[] priorWeights() {
        float[] prior = new float[size()];
        for (int i = 0; i < prior.length; i++) {
            prior[i] = priorWeight(i);
        }
        return prior;
    }

    /** The serving gate, created for state written before it existed. */
    public ServingGate gate() {
        if (gate == null) {
            gate = new ServingGate();
        }
        return gate;
    }

    public int size() {
        return weights.length;
    }

    /** CRC of the weights and the item biases' digest: equal on every replica that applied the same updates. */
    public long checksum() {
        CRC32 crc = new CRC32();
        for (float w : weights) {
            int bits = Float.floatToIntBits(w);
            crc.update(bits);
            crc.update(bits >>> 8);
            crc.update(bits >>> 16);
            crc.update(bits >>> 24);
        }
        for (int shift = 0; shift < 64; shift += 8) {
            crc.update((int) (itemChecksum >>> shift));
        }
        return crc.getValue();
    }
}
