package io.streamrec.learning;

import io.streamrec.avro.ModelUpdate;
import java.util.List;

/** Applies records of the model-updates topic to a replica's parameters, the same way on every replica. */
public final class ModelUpdates {
    private ModelUpdates() {}

    /**
     * One AdaGrad step with the update's gradient; returns the gradient's norm, or NaN when the record is
     * skipped: a gradient of another shape (a log written by another model) or with a non-finite value.
     * Every replica skips the same records, so they stay in step.
     */
    public static double apply(ModelState model, ModelUpdate update, double learningRate, double l2) {
        return apply(model, update, learningRate, l2, 0);
    }

    /** As above, and adds the update's takes to the serving gate, whose counts halve every {@code gateHalfLife} takes (0: no gate). */
    public static double apply(ModelState model, ModelUpdate update, double learningRate, double l2, int gateHalfLife) {
        return apply(model, ItemBiases.NONE, update, learningRate, l2, gateHalfLife);
    }

    /** As above, and the update's item gradient to {@code biases} (the record is skipped whole if any is not finite). */
    public static double apply(ModelState model, ItemBiases biases, ModelUpdate update, double learningRate, double l2,
            int gateHalfLife) {
        List<Float> g = update.getGradient();
        if (g.size() != model.size() || !ItemBiases.finite(update.getItemGradient())) {
            return Double.NaN;
        }
        float[] gradient = new float[g.size()];
        double norm = 0;
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] = g.get(i);
            norm += gradient[i] * gradient[i];
        }
        if (!Double.isFinite(norm)) {
            return Double.NaN;
        }
        Ranker.apply(model, gradient, learningRate, l2);
        if (!update.getItemGradient().isEmpty()) {
            model.itemChecksum = 31 * model.itemChecksum + biases.apply(update.getItemGradient());
        }
        model.gate().record(update.getTakes(), update.getLearnedHits(), update.getPriorHits(), gateHalfLife);
        return Math.sqrt(norm);
    }
}
