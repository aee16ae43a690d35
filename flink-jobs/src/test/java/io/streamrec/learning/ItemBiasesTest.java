package io.streamrec.learning;

import static io.streamrec.learning.PairwiseLossTest.features;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamrec.avro.ModelUpdate;
import io.streamrec.ranking.Logistic;
import io.streamrec.state.BroadcastMap;
import io.streamrec.state.BroadcastMaps;
import io.streamrec.state.MapView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-item score offsets learnt beside the shared weights. */
class ItemBiasesTest {
    private static final BroadcastMap<float[]> BIASES = new BroadcastMap<>("item-biases", float[].class);

    private static MapView<float[]> values() {
        return BroadcastMaps.inMemory().view(BIASES);
    }

    private static double pairLoss(float[] w, float[] positive, float[] negative, float[] offsets) {
        double margin = Logistic.logit(w, positive) + offsets[0] - Logistic.logit(w, negative) - offsets[1];
        return Math.log1p(Math.exp(-margin));
    }

    private static double softmaxLoss(float[] w, float[] taken, List<float[]> others, float[] offsets) {
        double takenExp = Math.exp(Logistic.logit(w, taken) + offsets[0]);
        double sum = takenExp;
        for (int i = 0; i < others.size(); i++) {
            sum += Math.exp(Logistic.logit(w, others.get(i)) + offsets[i + 1]);
        }
        return -Math.log(takenExp / sum);
    }

    @Test
    void theOffsetGradientsAreTheLossesDerivatives() {
        float[] w = ModelState.prior(0).weights;
        float[] positive = features(0.6f, 0.3f);
        float[] negative = features(0.9f, 0.8f);
        float[] offsets = {0.2f, -0.4f};
        float[] offsetGradients = new float[2];
        double loss = Ranker.accumulatePair(w, positive, negative, offsets, new float[w.length], offsetGradients);
        assertThat(loss).isCloseTo(pairLoss(w, positive, negative, offsets), within(1e-5));
        List<float[]> others = List.of(negative, features(0.2f, 0.1f));
        float[] softmaxOffsets = {0.2f, -0.4f, 0.7f};
        float[] softmaxGradients = new float[3];
        Ranker.accumulateSoftmax(w, positive, others, softmaxOffsets, new float[w.length], softmaxGradients);
        for (int i = 0; i < 3; i++) {
            float[] up = softmaxOffsets.clone();
            float[] down = softmaxOffsets.clone();
            up[i] += 1e-3f;
            down[i] -= 1e-3f;
            double numeric = (softmaxLoss(w, positive, others, up) - softmaxLoss(w, positive, others, down)) / 2e-3;
            assertThat((double) softmaxGradients[i]).as("softmax offset %d", i).isCloseTo(numeric, within(1e-3));
            if (i < 2) {
                up = offsets.clone();
                down = offsets.clone();
                up[i] += 1e-3f;
                down[i] -= 1e-3f;
                numeric = (pairLoss(w, positive, negative, up) - pairLoss(w, positive, negative, down)) / 2e-3;
                assertThat((double) offsetGradients[i]).as("pair offset %d", i).isCloseTo(numeric, within(1e-3));
            }
        }
        assertThat(offsetGradients[0]).as("the taken item's offset rises").isNegative();
        assertThat(offsetGradients[1]).as("the negative's falls").isPositive();
    }

    /**
     * Two items with the same features, one taken and one passed over again and again: the shared weights cannot
     * tell them apart, so only the item offsets can put the one users take first.
     */
    @Test
    void offsetsSeparateItemsTheFeaturesCannot() {
        ModelState model = ModelState.prior(0);
        MapView<float[]> values = values();
        ItemBiases biases = new ItemBiases(values, 0.1, 1e-4);
        float[] same = features(0.5f, 0.5f);
        for (int step = 0; step < 20; step++) {
            GradientBuffer buffer = new GradientBuffer();
            buffer.addPair(model, biases, "liked", same, "passed-over", same, 0L);
            buffer.addPair(model, biases, "liked", same, "other", features(0.1f, 0.1f), 0L);
            ModelUpdate update = buffer.drain("u" + step, model.version, 0L);
            assertThat(update.getItemGradient()).containsOnlyKeys("liked", "passed-over", "other");
            ModelUpdates.apply(model, biases, update, 0.1, 1e-4, 0);
        }
        assertThat(biases.of("liked")).isGreaterThan(0.5f);
        assertThat(biases.of("passed-over")).isLessThan(-0.5f);
        assertThat(biases.of("never-seen")).isZero();

        ItemBiases frozen = new ItemBiases(values(), 0.0, 1e-4);
        GradientBuffer buffer = new GradientBuffer();
        buffer.addPair(model, frozen, "liked", same, "passed-over", same, 0L);
        ModelUpdate withoutOffsets = buffer.drain("u", model.version, 0L);
        assertThat(withoutOffsets.getItemGradient()).as("rate 0: the update carries none").isEmpty();
    }

    @Test
    void replicasApplyingTheSameUpdatesHoldTheSameOffsetsAndChecksumWhateverTheMapOrder() {
        Map<String, Float> forward = new LinkedHashMap<>();
        Map<String, Float> backward = new LinkedHashMap<>();
        String[] ids = {"a", "b", "c", "d"};
        for (int i = 0; i < ids.length; i++) {
            forward.put(ids[i], 0.1f * (i - 2));
            backward.put(ids[ids.length - 1 - i], 0.1f * (ids.length - 1 - i - 2));
        }
        ModelState one = ModelState.prior(0);
        ModelState two = ModelState.prior(0);
        ItemBiases oneBiases = new ItemBiases(values(), 0.1, 1e-4);
        ItemBiases twoBiases = new ItemBiases(values(), 0.1, 1e-4);
        for (int step = 0; step < 3; step++) {
            ModelUpdates.apply(one, oneBiases, update(one, forward), 0.1, 1e-4, 0);
            ModelUpdates.apply(two, twoBiases, update(two, backward), 0.1, 1e-4, 0);
        }
        for (String id : ids) {
            assertThat(oneBiases.of(id)).isEqualTo(twoBiases.of(id));
        }
        assertThat(one.checksum()).isEqualTo(two.checksum());
        assertThat(oneBiases.of("a")).isPositive();

        ModelState three = ModelState.prior(0);
        ItemBiases threeBiases = new ItemBiases(values(), 0.1, 1e-4);
        ModelUpdates.apply(three, threeBiases, update(three, Map.of("a", -0.2f)), 0.1, 1e-4, 0);
        ModelUpdates.apply(one, oneBiases, update(one, Map.of("a", -0.3f)), 0.1, 1e-4, 0);
        assertThat(three.checksum()).as("other offsets, other checksum").isNotEqualTo(one.checksum());
    }

    @Test
    void aRecordWithANonFiniteItemGradientIsSkippedWhole() {
        ModelState model = ModelState.prior(0);
        ItemBiases biases = new ItemBiases(values(), 0.1, 1e-4);
        Map<String, Float> bad = new LinkedHashMap<>();
        bad.put("a", 0.5f);
        bad.put("b", Float.NaN);
        assertThat(ModelUpdates.apply(model, biases, update(model, bad), 0.1, 1e-4, 0)).isNaN();
        assertThat(biases.of("a")).isZero();
        assertThat(model.version).isZero();
    }

    private static ModelUpdate update(ModelState model, Map<String, Float> itemGradient) {
        GradientBuffer buffer = new GradientBuffer();
        buffer.add(model, features(0.5f, 0.5f), true, 0L);
        return ModelUpdate.newBuilder(buffer.drain("u", model.version, 0L)).setItemGradient(itemGradient).build();
    }
}
