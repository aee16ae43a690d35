package io.streamrec.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static io.streamrec.learning.PairwiseLossTest.features;
import static org.assertj.core.api.Assertions.within;

import io.streamrec.ranking.Feature;
import io.streamrec.ranking.Logistic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The softmax loss of the taken item among the candidates it had to beat. */
class SoftmaxLossTest {

    private static double loss(float[] w, float[] taken, List<float[]> others) {
        double sum = Math.exp(Logistic.logit(w, taken));
        for (float[] o : others) {
            sum += Math.exp(Logistic.logit(w, o));
        }
        return -Math.log(Math.exp(Logistic.logit(w, taken)) / sum);
    }

    @Test
    void theGradientIsTheLossesDerivative() {
        float[] w = ModelState.prior(0).weights;
        float[] taken = features(0.6f, 0.3f);
        List<float[]> others = List.of(features(0.9f, 0.8f), features(0.2f, 0.1f), features(0.5f, 0.95f));
        float[] gradient = new float[w.length];
        double loss = Ranker.accumulateSoftmax(w, taken, others, gradient);
        assertThat(loss).isCloseTo(loss(w, taken, others), within(1e-5));
        for (int i = 0; i < w.length; i++) {
            float[] up = w.clone();
            float[] down = w.clone();
            up[i] += 1e-3f;
            down[i] -= 1e-3f;
            double numeric = (loss(up, taken, others) - loss(down, taken, others)) / 2e-3;
            assertThat((double) gradient[i]).as(Feature.values()[i].name()).isCloseTo(numeric, within(2e-3));
        }
        assertThat(gradient[Feature.BIAS.ordinal()]).as("shared by all candidates: no signal").isCloseTo(0f, within(1e-6f));
    }

    @Test
    void stepsPutTheTakenItemFirstAmongItsCandidates() {
        ModelState model = ModelState.prior(0);
        model.weights[Feature.CO_OCCURRENCE.ordinal()] = 0f;
        model.weights[Feature.POPULARITY.ordinal()] = 2f;
        float[] taken = features(0.8f, 0.2f);
        List<float[]> others = List.of(features(0.1f, 0.9f), features(0.3f, 0.6f));
        double first = Double.NaN;
        double last = Double.NaN;
        for (int step = 0; step < 60; step++) {
            GradientBuffer buffer = new GradientBuffer();
            last = buffer.addSoftmax(model, taken, others, 0L);
            first = step == 0 ? last : first;
            ModelUpdates.apply(model, buffer.drain("u" + step, model.version, 0L), 0.1, 0.0);
        }
        for (float[] other : others) {
            assertThat(Logistic.logit(model.weights, taken)).isGreaterThan(Logistic.logit(model.weights, other));
        }
        assertThat(last).isLessThan(first).isLessThan(Math.log(3));
    }

    @Test
    void anExampleWithANonFiniteFeatureIsSkipped() {
        GradientBuffer buffer = new GradientBuffer();
        assertThat(buffer.addSoftmax(ModelState.prior(0), features(0f, 0f), List.of(features(Float.NaN, 0f)), 0L)).isZero();
        assertThat(buffer.count()).isZero();
    }
}
