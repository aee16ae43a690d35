package io.streamrec.eval.protocol;

import static io.streamrec.eval.Fixtures.item;
import static io.streamrec.eval.Fixtures.millis;
import static io.streamrec.eval.Fixtures.purchase;
import static io.streamrec.eval.Fixtures.view;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.Item;
import io.streamrec.avro.UserEvent;
import io.streamrec.eval.metrics.ReplayResult;
import io.streamrec.eval.metrics.Slice;
import io.streamrec.eval.metrics.SliceMetrics;
import io.streamrec.eval.recommenders.Recommender;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayProtocolTest {
    /** No warm-up, the last half held out: every positive with history is scored. */
    private static final ReplaySettings SETTINGS = new ReplaySettings(2, 3, 10, 0.0, 0.5, 5, 5);

    private static ReplayResult replay(List<Item> items, List<UserEvent> events, Recommender... recommenders) {
        return new Replay(SETTINGS, List.of(recommenders), ProgressListener.NONE).run("test", "test", items, events);
    }

    private static List<Item> catalogue(String... ids) {
        List<Item> items = new ArrayList<>();
        for (String id : ids) {
            items.add(item(id, "c", 0));
        }
        return items;
    }

    private static SliceMetrics all(ReplayResult result, int recommender) {
        return result.recommenders().get(recommender).slice(Slice.ALL);
    }

    @Test
    void everyProbeComesBeforeTheEventItScoresAndItsSameMomentView() {
        ScriptedRecommender spy = ScriptedRecommender.pastOnly();
        List<UserEvent> events = List.of(
                view("v1", "u", "a", 1),
                view("v2", "u", "b", 2), purchase("p2", "u", "b", 2),
                view("v3", "w", "a", 3),
                view("v4", "w", "c", 4), purchase("p4", "w", "c", 4));
        ReplayResult result = replay(catalogue("a", "b", "c"), events, spy);

        assertThat(result.counts().scored).isEqualTo(2);
        List<String> log = spy.log;
        // The probe for u's purchase of b precedes both the view and the purchase of b at that second.
        assertThat(log.indexOf("probe:u@" + millis(2))).isLessThan(log.indexOf("observe:v2"));
        assertThat(log.indexOf("observe:v1")).isLessThan(log.indexOf("probe:u@" + millis(2)));
        assertThat(log.indexOf("probe:w@" + millis(4))).isLessThan(log.indexOf("observe:v4"))
                .isGreaterThan(log.indexOf("observe:v3"));
        assertThat(log.stream().filter(l -> l.startsWith("probe:"))).hasSize(2);
    }

    @Test
    void aRecommenderThatOnlyKnowsThePastNeverHitsANeverSeenItem() {
        // Every purchase is of an item nobody touched before: only a leak of the event could hit it.
        List<UserEvent> fresh = List.of(
                view("e1", "u", "a", 1),
                view("e2", "u", "b", 2), purchase("e3", "u", "b", 2),
                view("e4", "w", "a", 3),
                purchase("e5", "w", "c", 4),
                view("e6", "u", "d", 5), purchase("e7", "u", "d", 5));
        ReplayResult result = replay(catalogue("a", "b", "c", "d"), fresh, ScriptedRecommender.pastOnly());
        assertThat(all(result, 0).probes()).isEqualTo(3);
        assertThat(all(result, 0).hitRate(3)).isZero();

        // The control: once another user bought it first, the same recommender does hit it.
        List<UserEvent> known = List.of(
                purchase("e1", "x", "b", 1),
                view("e2", "u", "a", 2),
                purchase("e3", "u", "b", 3));
        ReplayResult control = replay(catalogue("a", "b"), known, ScriptedRecommender.pastOnly());
        assertThat(all(control, 0).probes()).isEqualTo(1);
        assertThat(all(control, 0).hitRate(1)).isEqualTo(1.0);
    }

    @Test
    void seenItemsAreFilteredForEveryRecommenderAlike() {
        // It puts the user's own items first; the replay removes them, so the target moves up to rank 1.
        ScriptedRecommender seenFirst = new ScriptedRecommender("seen-first", r -> List.of("a", "b", "a", "t"));
        List<UserEvent> events = List.of(
                view("e1", "u", "a", 1),
                view("e2", "u", "b", 2),
                purchase("e3", "u", "t", 3));
        ReplayResult result = replay(catalogue("a", "b", "t"), events, seenFirst);
        assertThat(all(result, 0).hitRate(1)).isEqualTo(1.0);
        // Asked for the depth plus the user's two seen items.
        assertThat(seenFirst.lastProbe().howMany()).isEqualTo(SETTINGS.depth() + 2);
    }

    @Test
    void aRepeatOfASeenItemIsNotScored() {
        List<UserEvent> events = List.of(
                view("e1", "u", "a", 1),
                purchase("e2", "u", "a", 2));
        ReplayResult result = replay(catalogue("a"), events, ScriptedRecommender.pastOnly());
        assertThat(result.counts().scored).isZero();
        assertThat(result.counts().skippedAlreadySeen).isEqualTo(1);
    }

    @Test
    void itemsEnterTheCatalogueAtTheirTimeAndAreNeverServedBefore() {
        List<Item> items = List.of(item("a", "c", 0), item("b", "c", 0), item("late", "c", 10));
        // A recommender that somehow knows of "late" before it exists.
        ScriptedRecommender cheat = new ScriptedRecommender("cheat", r -> List.of("late", "b"));
        List<UserEvent> events = List.of(
                view("e1", "u", "a", 1),
                purchase("e2", "u", "late", 5),      // not in the catalogue yet: not scored
                view("e3", "w", "a", 9),
                purchase("e4", "w", "late", 10),     // enters at 10: scored, and now it may be served
                view("e5", "x", "a", 11),
                purchase("e6", "x", "b", 12));
        ReplayResult result = replay(items, events, cheat);

        assertThat(cheat.log.indexOf("items:a,b")).isZero();
        assertThat(cheat.log.indexOf("items:late")).isGreaterThan(cheat.log.indexOf("observe:e3"))
                .isLessThan(cheat.log.indexOf("probe:w@" + millis(10)));
        assertThat(result.counts().skippedNotInCatalogue).isEqualTo(1);
        assertThat(all(result, 0).probes()).isEqualTo(2);
        // e4: "late" served at rank 1 once it exists; e6: "late" is served first, so b comes second.
        assertThat(all(result, 0).hitRate(1)).isEqualTo(0.5);
        assertThat(all(result, 0).hitRate(2)).isEqualTo(1.0);
    }

    @Test
    void splitsScoredEventsByTimeIntoWarmUpTuningAndHeldOut() {
        List<UserEvent> events = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add(item("i" + i, "c", 0));
            events.add(view("v" + i, "u" + i, "seed", 2L * i));
            events.add(purchase("p" + i, "u" + i, "i" + i, 2L * i + 1));
        }
        items.add(item("seed", "c", 0));
        ReplaySettings settings = new ReplaySettings(2, 3, 10, 0.2, 0.3, 5, 5);
        ReplayResult result = new Replay(settings, List.of(ScriptedRecommender.pastOnly()), ProgressListener.NONE)
                .run("test", "test", items, events);

        // 20 events: warm-up before event 4 (second 4), held out from event 14 (second 14).
        assertThat(result.split().warmUpEndsAt()).isEqualTo(millis(4));
        assertThat(result.split().heldOutStartsAt()).isEqualTo(millis(14));
        assertThat(result.counts().skippedWarmUp).isEqualTo(2);          // purchases at seconds 1 and 3
        var r = result.recommenders().get(0);
        assertThat(r.slice(Slice.TUNING).probes()).isEqualTo(5);           // seconds 5, 7, 9, 11, 13
        assertThat(r.slice(Slice.HELD_OUT).probes()).isEqualTo(3);         // seconds 15, 17, 19
        assertThat(r.slice(Slice.ALL).probes()).isEqualTo(8);
        // Each target item was never touched before, and each user had one event: cold-start and new.
        assertThat(r.slice(Slice.COLD_START).probes()).isEqualTo(3);
        assertThat(r.slice(Slice.NEW_USERS).probes()).isEqualTo(3);
        assertThat(result.probeTimes()).hasSize(8).isSorted();
    }
}
