package io.streamrec.learning;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Item;
import io.streamrec.avro.ModelUpdate;
import io.streamrec.avro.Recommendation;
import io.streamrec.avro.RecommendedItem;
import io.streamrec.avro.UserEvent;
import io.streamrec.config.JobConfig;
import io.streamrec.events.SourcedEvent;
import io.streamrec.job.Settings;
import io.streamrec.recommenders.ModelInput;
import io.streamrec.recommenders.ModelRecommender;
import io.streamrec.recommenders.ModelSettings;
import io.streamrec.recommenders.RecommenderRunner;
import io.streamrec.state.ItemVector;
import io.streamrec.vectors.Vectors;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Online learning helps: over one replay with planted tastes, the log loss of the learning model falls
 * below that of the same model frozen at its start, measured in the same run on the same stream.
 */
class OnlineLearningTest {
    private static final int DIM = 32;
    private static final int CATEGORIES = 5;
    private static final int ITEMS_PER_CATEGORY = 20;
    private static final int USERS = 30;
    private static final int EVENTS = 3000;
    private static final long T0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    @Test
    void learningLowersLogLossAgainstTheFrozenModel() throws Exception {
        assertLearningLowersTheLoss("PAIRWISE");
    }

    /** Under the softmax the bias gets no gradient: a bias-only learner could not lower this loss. */
    @Test
    void theSoftmaxAmongTheCandidatesLowersItsLossAgainstTheFrozenModel() throws Exception {
        assertLearningLowersTheLoss("SOFTMAX");
    }

    private static void assertLearningLowersTheLoss(String loss) throws Exception {
        List<ModelUpdate> learning = replay(true, loss);
        List<ModelUpdate> frozen = replay(false, loss);
        double learned = meanLossOfLastThird(learning);
        double fixed = meanLossOfLastThird(frozen);
        System.out.printf("online learning, %s: loss (last third) learning %.4f, frozen %.4f, updates %d%n",
                loss, learned, fixed, learning.size());
        assertThat(learning.size()).isGreaterThan(30);
        assertThat(learned).as("%s loss learning %.4f vs frozen %.4f", loss, learned, fixed).isLessThan(fixed * 0.9);
    }

    private static double meanLossOfLastThird(List<ModelUpdate> updates) {
        List<ModelUpdate> tail = updates.subList(updates.size() * 2 / 3, updates.size());
        double sum = 0;
        long n = 0;
        for (ModelUpdate u : tail) {
            sum += u.getLoss() * u.getExampleCount();
            n += u.getExampleCount();
        }
        return sum / n;
    }

    /** Replays the same planted-taste stream through the recommender core; updates are fed back as the model-updates topic would. */
    private static List<ModelUpdate> replay(boolean apply, String loss) throws Exception {
        Map<String, String> options = new HashMap<>();
        options.put("learning.loss", loss);
        options.put("recommend.min-interval", "0 ms");
        options.put("recommend.top-n", "5");
        // One example per take under the softmax (against the pairwise loss's one per negative): smaller batches.
        options.put("learning.batch-size", loss.equals("SOFTMAX") ? "5" : "30");
        options.put("learning.apply-updates", Boolean.toString(apply));
        ModelSettings settings = Settings.model(JobConfig.fromMap(options));
        var h = new RecommenderRunner<>(new ModelRecommender(settings, null, 0, 1), ModelInput::update)
                .recordingUpdates();
        for (int c = 0; c < CATEGORIES; c++) {
            for (int i = 0; i < ITEMS_PER_CATEGORY; i++) {
                h.broadcast(ModelInput.item(item(c, i)), 0);
            }
        }
        Random random = new Random(11);
        Map<String, Recommendation> lastShown = new HashMap<>();
        for (int n = 0; n < EVENTS; n++) {
            int u = random.nextInt(USERS);
            String user = "u" + u;
            int liked = u % CATEGORIES;
            Recommendation shown = lastShown.get(user);
            String item;
            if (shown != null && !shown.getItems().isEmpty() && random.nextDouble() < 0.7) {
                // Users take a shown item of their category when there is one; this is what the ranker can learn.
                item = shown.getItems().stream().map(RecommendedItem::getItemId)
                        .filter(id -> id.startsWith("c" + liked + "-")).findFirst()
                        .orElse("c" + liked + "-" + random.nextInt(ITEMS_PER_CATEGORY));
            } else {
                int c = random.nextDouble() < 0.85 ? liked : random.nextInt(CATEGORIES);
                item = "c" + c + "-" + random.nextInt(ITEMS_PER_CATEGORY);
            }
            UserEvent e = UserEvent.newBuilder().setEventId("e" + n).setUserId(user).setType(EventType.CLICK)
                    .setItemId(item).setEventTime(Instant.ofEpochMilli(T0 + n * 60_000L)).build();
            List<Recommendation> out = h.event(new SourcedEvent(e, "clicks", 0, n), 0);
            lastShown.put(user, out.get(out.size() - 1));
        }
        return h.published();
    }

    private static ItemVector item(int category, int i) {
        Random r = new Random(category * 1000L + i);
        Random dir = new Random(7 + category);
        float[] v = new float[DIM];
        for (int d = 0; d < DIM; d++) {
            v[d] = (float) dir.nextGaussian() + 0.8f * (float) r.nextGaussian();
        }
        Item item = Item.newBuilder().setItemId("c" + category + "-" + i).setTitle("Item " + category + "-" + i)
                .setCategories(List.of("cat" + category)).setUpdatedAt(Instant.ofEpochMilli(T0)).build();
        return ItemVector.of(item, Vectors.normalized(v));
    }
}
