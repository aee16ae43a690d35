package io.streamrec.learning;

import io.streamrec.avro.ModelUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sums gradients of labelled examples, and the serving gate's trials ({@link ServingGate}), until a batch
 * is full, then becomes one {@link ModelUpdate}.
 */
public final class GradientBuffer {
    public static final String MODEL_NAME = "ranker";
    /** First int of a checkpoint with the gate's counts (older ones start with the example count, never negative). */
    private static final int LAYOUT_WITH_GATE = -2;

    private float[] sum;
    private int count;
    private double lossSum;
    private long oldestAt = Long.MAX_VALUE;
    private int takes;
    private int learnedHits;
    private int priorHits;

    public int count() {
        return count;
    }

    /** Adds one example; returns its log loss (0 for an example with a non-finite feature, which is skipped). */
    public double add(ModelState model, float[] features, boolean label, long nowMillis) {
        if (!finite(features)) {
            return 0;
        }
        return counted(Ranker.accumulate(model.weights, features, label, ready(model)), nowMillis);
    }

    /**
     * Adds one ordered pair, the item taken above a negative; returns its pairwise loss (0 for a pair with a
     * non-finite feature, which is skipped).
     */
    public double addPair(ModelState model, float[] taken, float[] negative, long nowMillis) {
        if (!finite(taken) || !finite(negative)) {
            return 0;
        }
        return counted(Ranker.accumulatePair(model.weights, taken, negative, ready(model)), nowMillis);
    }

    /**
     * Adds the taken item's softmax loss among {@code others}; returns it (0 when a feature is not finite,
     * and the example is skipped).
     */
    public double addSoftmax(ModelState model, float[] taken, List<float[]> others, long nowMillis) {
        if (!finite(taken) || !others.stream().allMatch(GradientBuffer::finite)) {
            return 0;
        }
        return counted(Ranker.accumulateSoftmax(model.weights, taken, others, ready(model)), nowMillis);
    }

    /**
     * Counts a take that followed a list served to the same user: whether the item was in the learned
     * weights' list and in the prior weights' list.
     */
    public void addTake(boolean inLearnedList, boolean inPriorList) {
        takes++;
        learnedHits += inLearnedList ? 1 : 0;
        priorHits += inPriorList ? 1 : 0;
    }

    private static boolean finite(float[] features) {
        for (float f : features) {
            if (!Float.isFinite(f)) {
                return false;
            }
        }
        return true;
    }

    private float[] ready(ModelState model) {
        if (sum == null || sum.length != model.size()) {
            sum = new float[model.size()];
            count = 0;
            lossSum = 0;
        }
        return sum;
    }

    private double counted(double loss, long nowMillis) {
        lossSum += loss;
        count++;
        oldestAt = Math.min(oldestAt, nowMillis);
        return loss;
    }

    /** The mean gradient as an update against {@code baseVersion}, and a fresh buffer. */
    public ModelUpdate drain(String updateId, long baseVersion, long nowMillis) {
        List<Float> mean = new ArrayList<>(sum.length);
        for (float g : sum) {
            mean.add(g / count);
        }
        ModelUpdate update = ModelUpdate.newBuilder()
                .setUpdateId(updateId)
                .setModelName(MODEL_NAME)
                .setBaseVersion(baseVersion)
                .setExampleCount(count)
                .setLoss(lossSum / count)
                .setGradient(mean)
                .setCreatedAt(Instant.ofEpochMilli(nowMillis))
                .setOldestFeedbackAt(Instant.ofEpochMilli(oldestAt == Long.MAX_VALUE ? nowMillis : oldestAt))
                .setTakes(takes)
                .setLearnedHits(learnedHits)
                .setPriorHits(priorHits)
                .build();
        sum = null;
        count = 0;
        lossSum = 0;
        oldestAt = Long.MAX_VALUE;
        takes = 0;
        learnedHits = 0;
        priorHits = 0;
        return update;
    }

    /**
     * State for a checkpoint: [layout, takes, learnedHits, priorHits, count, lossSum, oldestAt, gradient...]
     * in a byte array.
     */
    public byte[] toBytes() {
        if (sum == null || count == 0) {
            return new byte[0];
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16 + 4 + 8 + 8 + 4 * sum.length);
        b.putInt(LAYOUT_WITH_GATE).putInt(takes).putInt(learnedHits).putInt(priorHits);
        b.putInt(count).putDouble(lossSum).putLong(oldestAt);
        for (float g : sum) {
            b.putFloat(g);
        }
        return b.array();
    }

    public void restore(byte[] bytes) {
        if (bytes.length == 0) {
            return;
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
        int n = b.getInt();
        if (n == LAYOUT_WITH_GATE) {
            takes += b.getInt();
            learnedHits += b.getInt();
            priorHits += b.getInt();
            n = b.getInt();
        }
        double loss = b.getDouble();
        long oldest = b.getLong();
        float[] g = new float[b.remaining() / 4];
        for (int i = 0; i < g.length; i++) {
            g[i] = b.getFloat();
        }
        if (sum == null) {
            sum = g;
        } else {
            for (int i = 0; i < sum.length && i < g.length; i++) {
                sum[i] += g[i];
            }
        }
        count += n;
        lossSum += loss;
        oldestAt = Math.min(oldestAt, oldest);
    }
}
