package io.streamrec.recommenders;

import static io.streamrec.testing.SyntheticVectors.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Recommendation;
import io.streamrec.config.JobConfig;
import io.streamrec.config.ModelOptions;
import io.streamrec.events.SourcedEvent;
import io.streamrec.job.Settings;
import io.streamrec.state.UserProfile;
import io.streamrec.testing.SyntheticVectors;
import io.streamrec.testing.TestEvents;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The shadow baseline and the guard on users with planted tastes: the model's and the baseline's lists are
 * scored on the same takes; a model broken on purpose (learning.test.reverse-gradients: every update it publishes negated, the
 * serving gate off) is replaced by the baseline for every user, visibly on the records; a sound model keeps
 * serving.
 */
class ShadowBaselineTest {
    private static final int CATEGORIES = 6;
    private static final int ITEMS_PER_CATEGORY = 20;
    private static final int EVENTS = 3_000;

    /** The recommenders named on the last tenth of the records, and the recommender core at the end. */
    private record Outcome(List<String> lateRecommenders, ModelRecommender model) {}

    /** A model broken on purpose: every update it publishes climbs its loss instead of descending it. */
    private static final String REVERSE_GRADIENTS = ModelOptions.TEST_REVERSE_GRADIENTS.key();

    private static Outcome run(Map<String, String> extra) {
        Map<String, String> options = new HashMap<>(Map.of("recommend.min-interval", "0 ms", "recommend.top-n", "10",
                "learning.batch-size", "4", "learning.learning-rate", "0.5", "ranking.candidates", "30",
                "learning.gate.half-life", "0", "recommend.shadow.sample", "1.0", "recommend.guard", "true",
                "recommend.guard.duration", "2 min", "recommend.guard.min-probes", "100"));
        options.putAll(extra);
        ModelRecommender model = new ModelRecommender(Settings.model(JobConfig.fromMap(options)), null, 0, 1);
        RecommenderRunner<UserProfile, ModelInput> runner =
                new RecommenderRunner<>(model, ModelInput::update);
        for (int c = 0; c < CATEGORIES; c++) {
            for (int i = 0; i < ITEMS_PER_CATEGORY; i++) {
                var item = SyntheticVectors.item("c" + c + "-" + i, c, c * 100L + i);
                item.updatedAt = T0 - 30 * 86_400_000L;
                runner.broadcast(ModelInput.item(item), 0);
            }
        }
        Random random = new Random(5);
        List<String> late = new ArrayList<>();
        for (int n = 0; n < EVENTS; n++) {
            String user = "u" + random.nextInt(36);
            int taste = Integer.parseInt(user.substring(1)) % CATEGORIES;
            String item = random.nextInt(5) < 4
                    ? "c" + taste + "-" + random.nextInt(ITEMS_PER_CATEGORY)
                    : "c" + random.nextInt(CATEGORIES) + "-" + random.nextInt(ITEMS_PER_CATEGORY);
            EventType type = random.nextBoolean() ? EventType.CLICK : EventType.PURCHASE;
            long time = T0 + n * 1000L;
            for (Recommendation r : runner.event(new SourcedEvent(TestEvents.event("e" + n, user, type, item, time),
                    "events", 0, n), time)) {
                if (n >= EVENTS * 9 / 10) {
                    late.add(r.getRecommender());
                }
            }
        }
        return new Outcome(late, model);
    }

    private static String describe(ShadowBaseline s) {
        return String.format("model %.3f, baseline %.3f over %d takes; baseline serving: %s",
                s.modelQuality().hitRate(), s.baselineQuality().hitRate(), s.modelQuality().probes(), s.servesBaseline());
    }

    @Test
    void aBrokenModelIsReplacedByTheBaselineOnEveryRecord() {
        Outcome broken = run(Map.of(REVERSE_GRADIENTS, "true"));
        ShadowBaseline s = broken.model().shadowBaseline();
        System.out.println("guard, broken model: " + describe(s));
        assertThat(s.modelQuality().probes()).isGreaterThan(200);
        assertThat(s.modelQuality().hitRate()).as("the broken model's lists on the sampled users")
                .isLessThan(s.baselineQuality().hitRate());
        assertThat(s.servesBaseline()).isTrue();
        assertThat(broken.lateRecommenders()).isNotEmpty().containsOnly(BaselineRecommender.NAME);
    }

    @Test
    void theGuardIsOffByDefaultButTheListsAreMeasuredAllTheSame() {
        Outcome unguarded = run(Map.of("recommend.guard", "false", REVERSE_GRADIENTS, "true"));
        ShadowBaseline s = unguarded.model().shadowBaseline();
        assertThat(s.servesBaseline()).isFalse();
        assertThat(unguarded.lateRecommenders()).isNotEmpty().containsOnly(ModelRecommender.NAME);
        assertThat(s.baselineQuality().probes()).isGreaterThan(200);
        assertThat(s.modelQuality().hitRate()).isLessThan(s.baselineQuality().hitRate());
    }

    /** A take by a sampled user whose last lists were {@code model} and {@code baseline}, made a second before. */
    private static void take(ShadowBaseline guard, String item, String[] model, String[] baseline, long time) {
        UserProfile before = new UserProfile();
        before.history.served(model, time - 1_000);
        before.modelList = model;
        before.baselineList = baseline;
        guard.observe(before, TestEvents.event("t" + time, "u", EventType.CLICK, item, time));
    }

    @Test
    void theGuardSwitchesOnlyAfterTheModelStaysWorseForItsDurationAndBackOnlyOnceItIsAsGood() {
        long minute = 60_000;
        var guard = new ShadowBaseline(new ShadowBaseline.Settings(1.0, true, 0.05, 10 * minute, 20), null, 10,
                30 * minute);
        String[] hit = {"x"};
        String[] miss = {"y"};
        long t = T0;
        // 30 takes a minute apart where only the baseline's list held the item: worse from the 20th take on
        // (the minimum), and switched once it has been worse for 10 minutes.
        for (int i = 0; i < 30; i++, t += minute) {
            take(guard, "x", miss, hit, t);
            assertThat(guard.servesBaseline()).as("after take " + i).isEqualTo(i >= 19 + 10);
        }
        // Now only the model's lists hold the takes: its hit rate climbs past the baseline's, and the guard hands
        // back only after 10 minutes at least as good.
        int takesToRecover = 0;
        while (guard.servesBaseline() && takesToRecover < 5_000) {
            take(guard, "x", hit, miss, t);
            t += minute;
            takesToRecover++;
        }
        assertThat(guard.servesBaseline()).isFalse();
        assertThat(guard.modelQuality().hitRate()).isGreaterThanOrEqualTo(guard.baselineQuality().hitRate());
        assertThat(takesToRecover).as("takes until equal, then 10 minutes").isBetween(40, 60);
    }

    @Test
    void theSampleIsAStableShareOfUsersAndTheGuardNeedsOne() {
        var shadow = new ShadowBaseline(new ShadowBaseline.Settings(0.1, false, 0, 0, 0), null, 10, 60_000);
        int in = 0;
        for (int i = 0; i < 20_000; i++) {
            in += shadow.sampled("user-" + i) ? 1 : 0;
        }
        assertThat(in).isBetween(1_800, 2_200);
        assertThat(shadow.sampled("user-7")).isEqualTo(shadow.sampled("user-7"));
        assertThatThrownBy(() -> new ShadowBaseline.Settings(0, true, 0.02, 60_000, 100))
                .hasMessageContaining("sample of users above 0");
        assertThatThrownBy(() -> Settings.model(JobConfig.fromMap(Map.of("recommend.shadow.sample", "1.5"))))
                .hasMessageContaining("recommend.shadow");
    }
}
