package io.streamrec.ranking;

import static io.streamrec.testing.SyntheticVectors.DIM;
import static io.streamrec.testing.SyntheticVectors.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamrec.learning.ModelState;
import io.streamrec.state.ItemStats;
import io.streamrec.state.ItemVector;
import io.streamrec.state.ProfileUpdater;
import io.streamrec.state.UserProfile;
import io.streamrec.testing.SyntheticVectors;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The folded per-request scorer gives the logit of the full feature vector, for every kind of feature. */
class ScorerTest {
    @Test
    void foldedLogitEqualsTheLogitOfTheFullFeatures() {
        Random r = new Random(5);
        ItemStats stats = new ItemStats(86_400_000L, 50);
        for (int i = 0; i < 40; i++) {
            stats.addInteraction("i" + r.nextInt(20), 1 + r.nextInt(3), T0 + i);
            stats.addCoOccurrence("i" + r.nextInt(20), "i" + r.nextInt(20), 1f);
        }
        UserProfile p = new UserProfile();
        p.interest = random(r, DIM);
        p.session = random(r, DIM);
        p.intent = random(r, DIM);
        p.sentiment = random(r, DIM);
        p.image = random(r, 16);
        p.addCategory("cat1", UserProfile.timeSlot(T0), 2f);
        p.addCategory("cat2", UserProfile.timeSlot(T0), 1f);
        FeatureExtractor features = new FeatureExtractor(stats);
        FeatureExtractor.Context c = new FeatureExtractor.Context(p, ProfileUpdater.fused(p), List.of("i1", "i2", "i3"),
                T0 + 1000, stats.popularity(stats.trending(1).get(0)));
        ModelState model = ModelState.prior(DIM);
        for (int i = 0; i < model.weights.length; i++) {
            model.weights[i] += (float) r.nextGaussian();
        }
        FeatureExtractor.Scorer scorer = features.scorer(c, model.weights, DIM);
        for (int i = 0; i < 20; i++) {
            ItemVector item = SyntheticVectors.item("i" + i, i % 3, i);
            item.image = i % 2 == 0 ? random(r, 16) : null;
            float full = Logistic.logit(model.weights, features.features(c, item, DIM));
            assertThat(scorer.logit(item)).isCloseTo(full, within(1e-4f * Math.max(1f, Math.abs(full))));
        }
    }

    @Test
    void coOccurrenceIsRelativeToTheRequestsStrongestSoStrongItemsStayApart() {
        ItemStats stats = new ItemStats(86_400_000L, 50);
        // "seen" co-occurs 6 times with a, 3 with b, once with c: the counts of one recent item are far above
        // what a fixed cap would keep apart once several recent items add up.
        for (int i = 0; i < 6; i++) {
            stats.addCoOccurrence("seen", "a", 1f);
        }
        for (int i = 0; i < 3; i++) {
            stats.addCoOccurrence("seen", "b", 1f);
        }
        stats.addCoOccurrence("seen", "c", 1f);
        stats.addCoOccurrence("other", "a", 1f);
        stats.addCoOccurrence("other", "b", 1f);
        UserProfile p = new UserProfile();
        FeatureExtractor features = new FeatureExtractor(stats);
        FeatureExtractor.Context c = new FeatureExtractor.Context(p, null, List.of("seen", "other"), T0, 0);
        float a = coOccurrence(features, c, "a");
        float b = coOccurrence(features, c, "b");
        float cc = coOccurrence(features, c, "c");
        assertThat(a).isEqualTo(1f);
        assertThat(b).isStrictlyBetween(cc, a);
        assertThat(cc).isGreaterThan(0f);
        assertThat(coOccurrence(features, c, "never")).isZero();
    }

    private static float coOccurrence(FeatureExtractor features, FeatureExtractor.Context c, String id) {
        return features.features(c, SyntheticVectors.item(id, 0, id.hashCode()), DIM)[Feature.CO_OCCURRENCE.ordinal()];
    }

    private static float[] random(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }
}
