package io.streamrec.learning;

import io.streamrec.ranking.ItemOffsets;
import io.streamrec.state.MapView;
import java.util.Map;

/**
 * A learned score offset per item, beside the ranker's shared weights: what users take of an item more (or
 * less) often than its features predict, learnt from the same pairs and softmax examples. Kept per item id
 * in broadcast state as {@code {bias, AdaGrad accumulator}}, changed only by records of the model-updates
 * topic, so every replica holds the same values. Items without an entry have offset 0, so a new item starts
 * from its features alone and the prior weights serve without offsets.
 */
public final class ItemBiases implements ItemOffsets {
    /** No offsets, nothing learnt: the prior weights' scorer, and models that do not learn them. */
    public static final ItemBiases NONE = new ItemBiases(null, 0, 0);

    private static final float INITIAL_ACCUMULATOR = 1e-2f;
    private static final float EPSILON = 1e-7f;

    private final MapView<float[]> values;
    private final double learningRate;
    private final double l2;

    /**
     * Offsets in {@code values}, learnt with {@code learningRate} (0: read, never learnt) and L2 {@code l2}
     * towards 0.
     */
    public ItemBiases(MapView<float[]> values, double learningRate, double l2) {
        if (learningRate < 0 || l2 < 0) {
            throw new IllegalArgumentException("learning rate and L2 must be >= 0, got " + learningRate + ", " + l2);
        }
        this.values = values;
        this.learningRate = values == null ? 0 : learningRate;
        this.l2 = l2;
    }

    /** The offset of {@code itemId}'s score (0 when it has none). */
    @Override
    public float of(String itemId) {
        if (values == null || itemId == null) {
            return 0f;
        }
        float[] v = values.get(itemId);
        return v == null ? 0f : v[0];
    }

    /** Whether gradients for the offsets are wanted (an update carries them only then). */
    public boolean learnt() {
        return learningRate > 0;
    }

    /** Whether every value of {@code gradient} is finite (a record with any other is skipped whole). */
    public static boolean finite(Map<String, Float> gradient) {
        for (Float g : gradient.values()) {
            if (g == null || !Float.isFinite(g)) {
                return false;
            }
        }
        return true;
    }

    /**
     * One AdaGrad step per item of {@code gradient}; returns a digest of the new values that does not depend
     * on the map's order, for the replicas' checksum.
     */
    public long apply(Map<String, Float> gradient) {
        long digest = 0;
        if (values == null || learningRate == 0) {
            return digest;
        }
        for (Map.Entry<String, Float> e : gradient.entrySet()) {
            float[] v = values.get(e.getKey());
            v = v == null ? new float[] {0f, INITIAL_ACCUMULATOR} : v.clone();
            float g = e.getValue() + (float) l2 * v[0];
            v[1] += g * g;
            v[0] -= (float) (learningRate * g / (Math.sqrt(v[1]) + EPSILON));
            values.put(e.getKey(), v);
            digest += e.getKey().hashCode() * 0x9E3779B97F4A7C15L + Float.floatToIntBits(v[0]);
        }
        return digest;
    }
}
