package io.streamrec.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamrec.ranking.Feature;
import io.streamrec.ranking.Logistic;
import org.junit.jupiter.api.Test;

class PairwiseLossTest {

    /** Features of a model with no text dimensions: the interpretable ones only. */
    static float[] features(float coOccurrence, float popularity) {
        float[] x = new float[Feature.COUNT];
        x[Feature.BIAS.ordinal()] = 1f;
        x[Feature.CO_OCCURRENCE.ordinal()] = coOccurrence;
        x[Feature.POPULARITY.ordinal()] = popularity;
        return x;
    }

    @Test
    void thePairsGradientOrdersTheTakenItemFirstAndLeavesTheBiasAlone() {
        ModelState model = ModelState.prior(0);
        // Users take the item that co-occurs with what they had, though it is less popular: a prior that
        // favours popularity orders these pairs wrongly, and pairwise steps must turn that round.
        model.weights[Feature.CO_OCCURRENCE.ordinal()] = 0f;
        model.weights[Feature.POPULARITY.ordinal()] = 2f;
        float[] taken = features(0.8f, 0.2f);
        float[] other = features(0.1f, 0.9f);
        float bias = model.weights[Feature.BIAS.ordinal()];
        double firstLoss = Double.NaN;
        double lastLoss = Double.NaN;
        for (int step = 0; step < 50; step++) {
            GradientBuffer buffer = new GradientBuffer();
            double loss = buffer.addPair(model, taken, other, 0L);
            firstLoss = step == 0 ? loss : firstLoss;
            lastLoss = loss;
            ModelUpdates.apply(model, buffer.drain("u" + step, model.version, 0L), 0.1, 0.0);
        }
        assertThat(Logistic.logit(model.weights, taken)).as("taken above the other after learning")
                .isGreaterThan(Logistic.logit(model.weights, other));
        assertThat(lastLoss).isLessThan(firstLoss).isLessThan(Math.log(2));
        assertThat(model.weights[Feature.BIAS.ordinal()]).as("a pair says nothing about the bias").isCloseTo(bias, within(1e-6f));
        assertThat(model.weights[Feature.CO_OCCURRENCE.ordinal()]).isGreaterThan(0f);
        assertThat(model.version).isEqualTo(50);
    }

    @Test
    void aPairWithANonFiniteFeatureIsSkipped() {
        ModelState model = ModelState.prior(0);
        GradientBuffer buffer = new GradientBuffer();
        float[] bad = features(Float.NaN, 0f);
        assertThat(buffer.addPair(model, bad, features(0f, 0f), 0L)).isZero();
        assertThat(buffer.count()).isZero();
        assertThat(buffer.addPair(model, features(1f, 0f), features(0f, 0f), 0L)).isCloseTo(Math.log1p(Math.exp(-Feature.CO_OCCURRENCE.prior())), within(1e-4));
        assertThat(buffer.count()).isEqualTo(1);
    }

    @Test
    void regularisationPullsTowardsThePriorNotTowardsZero() {
        ModelState model = ModelState.prior(4);
        int co = Feature.CO_OCCURRENCE.ordinal();
        int bilinear = Feature.COUNT;
        model.weights[co] = Feature.CO_OCCURRENCE.prior() + 6f; // well above its prior
        model.weights[bilinear] = -1f; // well below its prior of 0.3
        float[] noFeedback = new float[model.size()];
        for (int step = 0; step < 2000; step++) {
            Ranker.apply(model, noFeedback, 1.0, 0.5);
        }
        // Towards zero would have taken both past their priors to 0; towards the prior they settle there.
        assertThat(model.weights[co]).isCloseTo(Feature.CO_OCCURRENCE.prior(), within(0.05f));
        assertThat(model.weights[bilinear]).isCloseTo(ModelState.priorWeight(bilinear), within(0.05f));
        assertThat(model.weights[Feature.BIAS.ordinal()]).as("at its prior already: stays")
                .isEqualTo(Feature.BIAS.prior());
    }
}
