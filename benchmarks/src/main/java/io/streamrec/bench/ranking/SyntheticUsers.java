package io.streamrec.bench.ranking;

import io.streamrec.avro.EventType;
import io.streamrec.avro.UserEvent;
import io.streamrec.config.JobConfig;
import io.streamrec.job.Settings;
import io.streamrec.ranking.FeatureExtractor;
import io.streamrec.recommenders.ModelSettings;
import io.streamrec.state.ItemStats;
import io.streamrec.state.ProfileUpdater;
import io.streamrec.state.UserProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Users to rank for: 20 events each in two favourite categories (7 in 10 in the first), applied to the
 * profile by the job's {@link ProfileUpdater} and counted in the item statistics; popularity skewed towards
 * low item numbers, co-occurrence within categories.
 */
final class SyntheticUsers {
    final ItemStats stats = new ItemStats(6L * 3_600_000L, 50);
    /** Each user's purchases: excluded from the user's candidates. */
    final List<Set<String>> purchased = new ArrayList<>();
    /** Each user's ranking context, in user order. */
    final List<FeatureExtractor.Context> contexts = new ArrayList<>();
    /** Each context's fused profile vector, the query for retrieval. */
    final Map<FeatureExtractor.Context, float[]> fused = new HashMap<>();

    SyntheticUsers(ClusteredCatalogue catalogue, int userCount) {
        long t0 = ClusteredCatalogue.T0;
        int categories = catalogue.categories;
        ModelSettings settings = Settings.model(JobConfig.fromMap(Map.of()));
        ProfileUpdater updater = new ProfileUpdater(settings.intentHalfLifeMillis, settings.interestHalfLifeMillis,
                settings.sessionGapMillis, settings.common.historyMaxLength);
        List<UserProfile> profiles = new ArrayList<>();
        SplittableRandom ur = new SplittableRandom(5);
        EventType[] types = {EventType.VIEW, EventType.VIEW, EventType.CLICK, EventType.PURCHASE};
        for (int u = 0; u < userCount; u++) {
            UserProfile p = new UserProfile();
            int[] tastes = {ur.nextInt(categories), ur.nextInt(categories)};
            String previous = null;
            for (int e = 0; e < 20; e++) {
                List<String> pool = catalogue.byCategory.get(tastes[ur.nextInt(10) < 7 ? 0 : 1]);
                if (pool.isEmpty()) {
                    continue;
                }
                String id = pool.get((int) Math.min(pool.size() - 1, Math.abs(ur.nextGaussian()) * pool.size() / 4));
                long time = t0 + u * 60_000L + e * 1_000L;
                EventType type = types[ur.nextInt(types.length)];
                UserEvent ev = UserEvent.newBuilder().setEventId(u + "-" + e).setUserId("u" + u).setType(type)
                        .setItemId(id).setEventTime(Instant.ofEpochMilli(time)).build();
                stats.addInteraction(id, 1.0, time);
                if (previous != null) {
                    stats.addCoOccurrence(previous, id, 1f);
                }
                previous = id;
                updater.apply(p, ev, null, catalogue.items.get(id), 0f);
            }
            profiles.add(p);
            purchased.add(p.history.purchasedItems());
        }
        long now = t0 + userCount * 60_000L + 60_000L;
        List<String> trending = stats.trending(1);
        double maxPopularity = trending.isEmpty() ? 0 : stats.popularity(trending.get(0));
        for (UserProfile p : profiles) {
            float[] f = ProfileUpdater.fused(p);
            var c = new FeatureExtractor.Context(p, f, p.history.recentDistinctItems(10), now, maxPopularity);
            contexts.add(c);
            fused.put(c, f);
        }
    }
}
