package io.streamrec.learning;

import static io.streamrec.ranking.Logistic.logit;
import static io.streamrec.ranking.Logistic.sigmoid;

import java.util.List;

/**
 * Training of the linear ranker ({@link io.streamrec.ranking.Logistic}: score = sigmoid(w . x)) with AdaGrad
 * on the log loss of single labelled items (pointwise) or of ordered pairs (pairwise).
 */
public final class Ranker {
    private static final float EPSILON = 1e-7f;

    private Ranker() {}

    /** Log loss of predicting {@code p} for {@code label} (clipped, so it stays finite). */
    public static double logLoss(float p, boolean label) {
        double q = Math.min(1 - 1e-7, Math.max(1e-7, p));
        return label ? -Math.log(q) : -Math.log(1 - q);
    }

    /** Adds the log-loss gradient of one example to {@code gradient}; returns the example's loss. */
    public static double accumulate(float[] weights, float[] x, boolean label, float[] gradient) {
        return accumulate(weights, x, 0f, label, gradient, new float[1]);
    }

    /**
     * As above for an item whose score has the learned offset {@code offset} ({@link ItemBiases}); adds the
     * gradient with respect to that offset to {@code offsetGradient[0]}.
     */
    public static double accumulate(float[] weights, float[] x, float offset, boolean label, float[] gradient,
            float[] offsetGradient) {
        float p = sigmoid(logit(weights, x) + offset);
        float error = p - (label ? 1f : 0f);
        for (int i = 0; i < gradient.length && i < x.length; i++) {
            gradient[i] += error * x[i];
        }
        offsetGradient[0] += error;
        return logLoss(p, label);
    }

    /**
     * Adds the pairwise (BPR) log-loss gradient of {@code positive} ranked above {@code negative} to
     * {@code gradient}; returns the pair's loss, {@code log(1 + exp(-(w . positive - w . negative)))}.
     */
    public static double accumulatePair(float[] weights, float[] positive, float[] negative, float[] gradient) {
        return accumulatePair(weights, positive, negative, new float[2], gradient, new float[2]);
    }

    /**
     * As above for items whose scores have the learned offsets {@code offsets} = {positive's, negative's};
     * adds the gradients with respect to them to {@code offsetGradients}.
     */
    public static double accumulatePair(float[] weights, float[] positive, float[] negative, float[] offsets,
            float[] gradient, float[] offsetGradients) {
        float margin = logit(weights, positive) + offsets[0] - logit(weights, negative) - offsets[1];
        float wrong = sigmoid(-margin); // how far the pair is from the right order
        int n = Math.min(gradient.length, Math.min(positive.length, negative.length));
        for (int i = 0; i < n; i++) {
            gradient[i] -= wrong * (positive[i] - negative[i]);
        }
        offsetGradients[0] -= wrong;
        offsetGradients[1] += wrong;
        return Math.log1p(Math.exp(-margin));
    }

    /**
     * Adds the gradient of the softmax log loss of {@code taken} among itself and {@code others} to
     * {@code gradient}: {@code sum_i p_i x_i - x_taken}; returns the loss, {@code -log p_taken}.
     */
    public static double accumulateSoftmax(float[] weights, float[] taken, List<float[]> others, float[] gradient) {
        return accumulateSoftmax(weights, taken, others, new float[others.size() + 1], gradient,
                new float[others.size() + 1]);
    }

    /**
     * As above for items whose scores have the learned offsets {@code offsets} (the taken item's first, then
     * the others' in order); adds the gradients with respect to them, {@code p_i - [i = taken]}, to
     * {@code offsetGradients}.
     */
    public static double accumulateSoftmax(float[] weights, float[] taken, List<float[]> others, float[] offsets,
            float[] gradient, float[] offsetGradients) {
        double[] logits = new double[others.size() + 1];
        logits[0] = logit(weights, taken) + offsets[0];
        double max = logits[0];
        for (int i = 0; i < others.size(); i++) {
            logits[i + 1] = logit(weights, others.get(i)) + offsets[i + 1];
            max = Math.max(max, logits[i + 1]);
        }
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            logits[i] = Math.exp(logits[i] - max);
            sum += logits[i];
        }
        int n = gradient.length;
        for (int i = 0; i < logits.length; i++) {
            float[] x = i == 0 ? taken : others.get(i - 1);
            float p = (float) (logits[i] / sum) - (i == 0 ? 1f : 0f);
            for (int j = 0; j < n && j < x.length; j++) {
                gradient[j] += p * x[j];
            }
            offsetGradients[i] += p;
        }
        return -Math.log(Math.max(1e-300, logits[0] / sum));
    }

    /**
     * One AdaGrad step with mean gradient {@code g} and L2 regularisation towards the prior weights
     * ({@link ModelState#priorWeight}): what learning adds is a residual on the prior ranker, and weights
     * the feedback does not support drift back to it; increments the version.
     */
    public static void apply(ModelState m, float[] g, double learningRate, double l2) {
        for (int i = 0; i < m.weights.length && i < g.length; i++) {
            float gi = g[i] + (float) l2 * (m.weights[i] - ModelState.priorWeight(i));
            m.accumulators[i] += gi * gi;
            m.weights[i] -= (float) (learningRate * gi / (Math.sqrt(m.accumulators[i]) + EPSILON));
        }
        m.version++;
    }
}
