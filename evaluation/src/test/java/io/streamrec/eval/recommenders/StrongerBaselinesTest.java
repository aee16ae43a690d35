package io.streamrec.eval.recommenders;

import static io.streamrec.eval.Fixtures.millis;
import static io.streamrec.eval.Fixtures.purchase;
import static io.streamrec.eval.Fixtures.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StrongerBaselinesTest {

    /**
     * Two tastes over two equally popular halves of the catalogue: users of taste A take only items a0..a9,
     * users of taste B only b0..b9, equally often. A bias-only or popularity learner cannot tell the halves
     * apart for a user; the factorisation must put the user's own half first, including items the user never
     * touched.
     */
    @Test
    void onlineMatrixFactorisationLearnsTastesThatPopularityCannotSee() {
        OnlineMatrixFactorisation mf = new OnlineMatrixFactorisation(OnlineMatrixFactorisation.Settings.defaults(), 7);
        Random random = new Random(3);
        int n = 0;
        for (int round = 0; round < 40; round++) {
            for (int u = 0; u < 20; u++) {
                String taste = u % 2 == 0 ? "a" : "b";
                mf.observe(view("e" + n, "u" + u, taste + random.nextInt(10), n));
                n++;
            }
        }
        // u0 (taste a) has touched some a-items; its next best unseen items are still a-items.
        for (String user : List.of("u0", "u1", "u2", "u3")) {
            String taste = user.equals("u0") || user.equals("u2") ? "a" : "b";
            List<String> top = mf.recommend(user, millis(n), 10);
            assertThat(top).as("top 10 of " + user).allSatisfy(item -> assertThat(item).startsWith(taste));
        }
        // A user who arrives with one a-item is pulled toward the a-half at once.
        mf.observe(view("new", "newcomer", "a3", n + 1));
        assertThat(mf.recommend("newcomer", millis(n + 2), 5)).filteredOn(i -> i.startsWith("a")).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void onlineMatrixFactorisationDoesNotChangeOnProbesAndRanksOnlyKnownItems() {
        OnlineMatrixFactorisation mf = new OnlineMatrixFactorisation(OnlineMatrixFactorisation.Settings.defaults(), 1);
        mf.observe(purchase("1", "u", "tent", 1));
        mf.observe(purchase("2", "w", "stove", 2));
        List<String> first = mf.recommend("u", millis(3), 5);
        assertThat(mf.recommend("u", millis(3), 5)).isEqualTo(first).containsExactlyInAnyOrder("tent", "stove");
        assertThatThrownBy(() -> new OnlineMatrixFactorisation.Settings(0, 0.05, 0.01, 8))
                .hasMessageContaining("factors >= 1");
    }

    @Test
    void onlineMatrixFactorisationGrowsPastItsFirstArraysAtAnyDimension() {
        for (int factors : new int[] {4, 16, 64}) {
            OnlineMatrixFactorisation mf = new OnlineMatrixFactorisation(new OnlineMatrixFactorisation.Settings(factors, 0.05, 0.01, 2), 1);
            for (int i = 0; i < 5_000; i++) {
                mf.observe(view("e" + i, "u" + (i % 50), "i" + i, i));
            }
            assertThat(mf.recommend("u1", millis(5_001), 5_000)).as(factors + " factors").hasSize(5_000);
        }
    }

    @Test
    void decayedPopularityLetsARecentBurstOutrankAnOldFavourite() {
        DecayedPopularityRecommender r = new DecayedPopularityRecommender(Duration.ofDays(1));
        long day = 86_400;
        for (int i = 0; i < 8; i++) {
            r.observe(view("o" + i, "u" + i, "old", i)); // 8 interactions on day 0
        }
        for (int i = 0; i < 3; i++) {
            r.observe(view("n" + i, "w" + i, "new", 3 * day + i)); // 3 on day 3: 8 / 2^3 = 1 < 3
        }
        r.observe(view("m", "x", "mid", 2 * day)); // 1 on day 2: 1 / 2 = 0.5 on day 3
        assertThat(r.recommend("anyone", millis(3 * day + 10), 3)).containsExactly("new", "old", "mid");
        // Over a long half-life the old favourite still leads.
        DecayedPopularityRecommender slow = new DecayedPopularityRecommender(Duration.ofDays(365));
        for (int i = 0; i < 8; i++) {
            slow.observe(view("o" + i, "u" + i, "old", i));
        }
        for (int i = 0; i < 3; i++) {
            slow.observe(view("n" + i, "w" + i, "new", 3 * day + i));
        }
        assertThat(slow.recommend("anyone", millis(3 * day + 10), 2)).containsExactly("old", "new");
    }

    @Test
    void decayedPopularityStaysFiniteOverDecadesOfShortHalfLives() {
        DecayedPopularityRecommender r = new DecayedPopularityRecommender(Duration.ofHours(1));
        long year = 365L * 86_400;
        r.observe(view("1", "u", "first", 0));
        r.observe(view("2", "u", "first", 1));
        r.observe(view("3", "u", "late", 20 * year));
        assertThat(r.recommend("anyone", millis(20 * year + 1), 2)).containsExactly("late", "first");
    }
}
