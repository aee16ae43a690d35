package io.streamrec.learning;

import io.streamrec.avro.ModelUpdate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums gradients of labelled examples, and the serving gate's trials ({@link ServingGate}), until a batch
 * is full, then becomes one {@link ModelUpdate}.
 */
public final class GradientBuffer {
    public static final String MODEL_NAME = "ranker";
    /** First int of a checkpoint with the gate's counts (older ones start with the example count, never negative). */
    private static final int LAYOUT_WITH_GATE = -2;
    /** First int of a checkpoint that also holds the item gradients. */
    private static final int LAYOUT_WITH_ITEMS = -3;

    private float[] sum;
    /** Gradients of the item offsets, summed (not averaged) per item id. */
    private Map<String, Float> itemSum = new HashMap<>();
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
        return add(model, ItemBiases.NONE, null, features, label, nowMillis);
    }

    /** As above for item {@code itemId}, whose score has its offset in {@code biases}. */
    public double add(ModelState model, ItemBiases biases, String itemId, float[] features, boolean label,
            long nowMillis) {
        if (!finite(features)) {
            return 0;
        }
        float[] offsets = {biases.of(itemId)};
        float[] offsetGradients = new float[1];
        double loss = Ranker.accumulate(model.weights, features, offsets[0], label, ready(model), offsetGradients);
        addItemGradients(biases, Collections.singletonList(itemId), offsetGradients);
        return counted(loss, nowMillis);
    }

    /**
     * Adds one ordered pair, the item taken above a negative; returns its pairwise loss (0 for a pair with a
     * non-finite feature, which is skipped).
     */
    public double addPair(ModelState model, float[] taken, float[] negative, long nowMillis) {
        return addPair(model, ItemBiases.NONE, null, taken, null, negative, nowMillis);
    }

    /** As above for items {@code takenId} and {@code negativeId}, whose scores have offsets in {@code biases}. */
    public double addPair(ModelState model, ItemBiases biases, String takenId, float[] taken, String negativeId,
            float[] negative, long nowMillis) {
        if (!finite(taken) || !finite(negative)) {
            return 0;
        }
        float[] offsets = {biases.of(takenId), biases.of(negativeId)};
        float[] offsetGradients = new float[2];
        double loss = Ranker.accumulatePair(model.weights, taken, negative, offsets, ready(model), offsetGradients);
        addItemGradients(biases, Arrays.asList(takenId, negativeId), offsetGradients);
        return counted(loss, nowMillis);
    }

    /**
     * Adds the taken item's softmax loss among {@code others}; returns it (0 when a feature is not finite,
     * and the example is skipped).
     */
    public double addSoftmax(ModelState model, float[] taken, List<float[]> others, long nowMillis) {
        return addSoftmax(model, ItemBiases.NONE, null, taken, others, nowMillis);
    }

    /**
     * As above for the items {@code ids} (the taken item's first, then the others'), whose scores have
     * offsets in {@code biases}.
     */
    public double addSoftmax(ModelState model, ItemBiases biases, List<String> ids, float[] taken,
            List<float[]> others, long nowMillis) {
        if (!finite(taken) || !others.stream().allMatch(GradientBuffer::finite)) {
            return 0;
        }
        float[] offsets = new float[others.size() + 1];
        for (int i = 0; ids != null && i < offsets.length; i++) {
            offsets[i] = biases.of(ids.get(i));
        }
        float[] offsetGradients = new float[offsets.length];
        double loss = Ranker.accumulateSoftmax(model.weights, taken, others, offsets, ready(model), offsetGradients);
        addItemGradients(biases, ids, offsetGradients);
        return counted(loss, nowMillis);
    }

    private void addItemGradients(ItemBiases biases, List<String> ids, float[] gradients) {
        if (!biases.learnt() || ids == null) {
            return;
        }
        for (int i = 0; i < gradients.length; i++) {
            if (ids.get(i) != null) {
                itemSum.merge(ids.get(i), gradients[i], Float::sum);
            }
        }
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
            // A model of another shape: what was summed against the old one, item gradients included, is dropped.
            sum = new float[model.size()];
            itemSum.clear();
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
                .setItemGradient(itemSum)
                .build();
        sum = null;
        itemSum = new HashMap<>();
        count = 0;
        lossSum = 0;
        oldestAt = Long.MAX_VALUE;
        takes = 0;
        learnedHits = 0;
        priorHits = 0;
        return update;
    }

    /**
     * State for a checkpoint: [layout, takes, learnedHits, priorHits, count, lossSum, oldestAt, gradient
     * length, gradient..., item count, (item id, item gradient)...] in a byte array.
     */
    public byte[] toBytes() {
        if (sum == null || count == 0) {
            return new byte[0];
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 4 * sum.length);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(LAYOUT_WITH_ITEMS);
            out.writeInt(takes);
            out.writeInt(learnedHits);
            out.writeInt(priorHits);
            out.writeInt(count);
            out.writeDouble(lossSum);
            out.writeLong(oldestAt);
            out.writeInt(sum.length);
            for (float g : sum) {
                out.writeFloat(g);
            }
            out.writeInt(itemSum.size());
            for (Map.Entry<String, Float> e : itemSum.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeFloat(e.getValue());
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not thrown by a byte array
        }
    }

    /** Adds a checkpoint's state ({@link #toBytes}, or the layouts written before item gradients) to this buffer. */
    public void restore(byte[] bytes) {
        if (bytes.length == 0) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int n = in.readInt();
            int layout = Math.min(n, 0); // the oldest layout starts with the example count
            if (layout == LAYOUT_WITH_GATE || layout == LAYOUT_WITH_ITEMS) {
                takes += in.readInt();
                learnedHits += in.readInt();
                priorHits += in.readInt();
                n = in.readInt();
            }
            double loss = in.readDouble();
            long oldest = in.readLong();
            float[] g = new float[layout == LAYOUT_WITH_ITEMS ? in.readInt() : in.available() / 4];
            for (int i = 0; i < g.length; i++) {
                g[i] = in.readFloat();
            }
            for (int i = layout == LAYOUT_WITH_ITEMS ? in.readInt() : 0; i > 0; i--) {
                itemSum.merge(in.readUTF(), in.readFloat(), Float::sum);
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
        } catch (IOException e) {
            throw new IllegalStateException("corrupt gradient buffer state (" + bytes.length + " bytes)", e);
        }
    }
}
