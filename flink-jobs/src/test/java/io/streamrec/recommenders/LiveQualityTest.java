package io.streamrec.recommenders;

import static io.streamrec.testing.SyntheticVectors.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Recommendation;
import io.streamrec.avro.RecommendedItem;
import io.streamrec.avro.UserEvent;
import io.streamrec.config.JobConfig;
import io.streamrec.events.SourcedEvent;
import io.streamrec.job.Settings;
import io.streamrec.state.BroadcastMaps;
import io.streamrec.state.SubtaskState;
import io.streamrec.state.UserHistory;
import io.streamrec.testing.SyntheticVectors;
import io.streamrec.testing.TestEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The live quality of served lists: the rules of a probe, and on users with planted tastes, the same hit
 * rate the stream's own bookkeeping counts, far above a recommender that serves random items.
 */
class LiveQualityTest {
    private static final long MINUTE = 60_000L;

    private static UserHistory servedAt(long time, String... items) {
        UserHistory h = new UserHistory();
        h.add("seen", EventType.VIEW, time - MINUTE, 100);
        h.served(items, time);
        return h;
    }

    private static UserEvent take(EventType type, String item, long time) {
        return TestEvents.event("e-" + item + time, "u", type, item, time);
    }

    @Test
    void aTakeWithinTheWindowScoresItsListAndNothingElseCounts() {
        LiveQuality quality = new LiveQuality(30 * MINUTE);
        UserHistory h = servedAt(T0, "a", "b", "c", "d");
        quality.observe(h, take(EventType.CLICK, "b", T0 + MINUTE));
        assertThat(quality.probes()).isEqualTo(1);
        assertThat(quality.hitRate()).isEqualTo(1.0);
        assertThat(quality.mrr()).isEqualTo(0.5);

        quality.observe(h, take(EventType.VIEW, "a", T0 + MINUTE)); // a view is not a take
        quality.observe(h, take(EventType.PURCHASE, "seen", T0 + MINUTE)); // not new to the user
        quality.observe(h, take(EventType.PURCHASE, "c", T0 + 31 * MINUTE)); // after the window
        quality.observe(new UserHistory(), take(EventType.CLICK, "a", T0)); // no list yet
        assertThat(quality.probes()).isEqualTo(1);

        quality.observe(h, take(EventType.PURCHASE, "z", T0 + 2 * MINUTE)); // a miss
        assertThat(quality.probes()).isEqualTo(2);
        double keep = 1 - 1.0 / LiveQuality.MEMORY; // the first probe's weight after one more
        assertThat(quality.hitRate()).isCloseTo(keep / (1 + keep), within(1e-9));
        assertThat(quality.mrr()).isCloseTo(0.5 * keep / (1 + keep), within(1e-9));
    }

    @Test
    void onlyTheTopTenCountAndAZeroWindowMeasuresNothing() {
        String[] list = new String[12];
        for (int i = 0; i < list.length; i++) {
            list[i] = "i" + i;
        }
        LiveQuality quality = new LiveQuality(30 * MINUTE);
        quality.observe(servedAt(T0, list), take(EventType.CLICK, "i11", T0 + MINUTE));
        assertThat(quality.probes()).isEqualTo(1);
        assertThat(quality.hitRate()).isZero();

        LiveQuality off = new LiveQuality(0);
        off.observe(servedAt(T0, list), take(EventType.CLICK, "i1", T0 + MINUTE));
        assertThat(off.probes()).isZero();
    }

    private static final int CATEGORIES = 6;
    private static final int ITEMS_PER_CATEGORY = 20;
    private static final Map<String, String> OPTIONS = Map.of("recommend.min-interval", "0 ms", "recommend.top-n", "10",
            "ranking.candidates", "30", "recommend.quality.window", "10 min");

    /** The live hit rate, and the hit rate the stream's own bookkeeping counts over the same takes. */
    private record Outcome(double live, double counted, long probes) {}

    private static <U, B> Outcome replay(RecommenderRunner<U, B> runner) {
        Random random = new Random(11);
        Map<String, List<String>> lastList = new HashMap<>();
        Map<String, Set<String>> seen = new HashMap<>();
        int hits = 0;
        int takes = 0;
        for (int n = 0; n < 2_000; n++) {
            String user = "u" + random.nextInt(36);
            int taste = Integer.parseInt(user.substring(1)) % CATEGORIES;
            String item = random.nextInt(5) < 4
                    ? "c" + taste + "-" + Math.min(ITEMS_PER_CATEGORY - 1, (int) Math.abs(random.nextGaussian() * 7))
                    : "c" + random.nextInt(CATEGORIES) + "-" + random.nextInt(3);
            EventType type = random.nextBoolean() ? EventType.CLICK : EventType.PURCHASE;
            if (seen.computeIfAbsent(user, u -> new HashSet<>()).add(item) && lastList.containsKey(user)) {
                takes++;
                hits += lastList.get(user).indexOf(item) >= 0 ? 1 : 0;
            }
            long time = T0 + n * 1000L;
            for (Recommendation r : runner.event(new SourcedEvent(TestEvents.event("e" + n, user, type, item, time),
                    "events", 0, n), time)) {
                lastList.put(user, r.getItems().stream().map(RecommendedItem::getItemId).limit(10).toList());
            }
        }
        return new Outcome(runner.quality().hitRate(), hits / (double) takes, runner.quality().probes());
    }

    @Test
    void theModelsLiveHitRateIsWhatItsListsEarnAndFarAboveRandomLists() {
        var model = new RecommenderRunner<>(new ModelRecommender(Settings.model(JobConfig.fromMap(OPTIONS)), null, 0, 1),
                ModelInput::update);
        for (int c = 0; c < CATEGORIES; c++) {
            for (int i = 0; i < ITEMS_PER_CATEGORY; i++) {
                var item = SyntheticVectors.item("c" + c + "-" + i, c, c * 100L + i);
                item.updatedAt = T0 - 30 * 86_400_000L;
                model.broadcast(ModelInput.item(item), 0);
            }
        }
        Outcome learned = replay(model);
        Outcome random = replay(new RecommenderRunner<>(new RandomLists(Settings.recommender(JobConfig.fromMap(OPTIONS))),
                null));
        System.out.printf("live hit rate@10: model %.3f (counted %.3f), random lists %.3f (counted %.3f); %d probes%n",
                learned.live(), learned.counted(), random.live(), random.counted(), learned.probes());
        assertThat(learned.probes()).isGreaterThan(500);
        // The live figure forgets old probes slowly (MEMORY), so it is close to, not equal to, the plain mean.
        assertThat(learned.live()).isCloseTo(learned.counted(), within(0.03));
        assertThat(random.live()).isCloseTo(random.counted(), within(0.03));
        assertThat(learned.live()).isGreaterThan(3 * random.live());
    }

    /** Ten items drawn at random from the planted catalogue: what a recommender that knows nothing earns. */
    private static final class RandomLists implements Recommender<UserHistory, Void> {
        private final RecommenderSettings settings;
        private final Random random = new Random(3);

        RandomLists(RecommenderSettings settings) {
            this.settings = settings;
        }

        @Override
        public String name() {
            return "random";
        }

        @Override
        public RecommenderSettings settings() {
            return settings;
        }

        @Override
        public String userStateName() {
            return "history";
        }

        @Override
        public Class<UserHistory> userStateType() {
            return UserHistory.class;
        }

        @Override
        public UserHistory newUser() {
            return new UserHistory();
        }

        @Override
        public UserHistory history(UserHistory user) {
            return user;
        }

        @Override
        public void observe(UserHistory user, SourcedEvent event, long now, BroadcastMaps maps, Outputs out) {
            UserEvent e = event.event;
            user.add(e.getItemId(), e.getType(), e.getEventTime().toEpochMilli(), 100);
        }

        @Override
        public Recommendation recommend(UserHistory user, UserEvent trigger, long time, long now, BroadcastMaps maps) {
            List<RecommendedItem> items = new ArrayList<>();
            Set<String> listed = new HashSet<>();
            while (items.size() < 10) {
                String id = "c" + random.nextInt(CATEGORIES) + "-" + random.nextInt(ITEMS_PER_CATEGORY);
                if (!user.contains(id) && listed.add(id)) {
                    items.add(new RecommendedItem(id, 0f, "random", null));
                }
            }
            return Recommendation.newBuilder().setRecommendationId("r-" + trigger.getEventId())
                    .setUserId(trigger.getUserId()).setTriggerEventId(trigger.getEventId())
                    .setGeneratedAt(Instant.ofEpochMilli(now)).setEventTime(Instant.ofEpochMilli(time))
                    .setRecommender(name()).setModelVersion(0L).setItems(items).build();
        }

        @Override
        public void apply(Void input, long now, BroadcastMaps maps) {}

        @Override
        public List<SubtaskState> subtaskStates() {
            return List.of();
        }
    }
}
