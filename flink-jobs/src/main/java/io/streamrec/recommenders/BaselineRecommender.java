package io.streamrec.recommenders;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Recommendation;
import io.streamrec.avro.RecommendedItem;
import io.streamrec.avro.UserEvent;
import io.streamrec.events.ItemUpdate;
import io.streamrec.events.SourcedEvent;
import io.streamrec.metrics.MetricNames;
import io.streamrec.metrics.MetricRegistrar;
import io.streamrec.ranking.BaselineRanker;
import io.streamrec.ranking.ScoredItem;
import io.streamrec.state.BroadcastMap;
import io.streamrec.state.BroadcastMaps;
import io.streamrec.state.InteractionWeights;
import io.streamrec.state.ItemInfo;
import io.streamrec.state.ItemStats;
import io.streamrec.state.ItemStatsShares;
import io.streamrec.state.MapView;
import io.streamrec.state.SubtaskState;
import io.streamrec.state.UserHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The baseline: each user's history, popularity and co-occurrence counted per subtask, and on each event
 * the top-N by {@link BaselineRanker} with reasons. The catalogue is a broadcast map so every subtask can
 * name any item.
 */
public final class BaselineRecommender implements Recommender<UserHistory, ItemUpdate> {
    public static final String NAME = "baseline";

    /** The catalogue: item id to title and category. */
    public static final BroadcastMap<ItemInfo> CATALOGUE = new BroadcastMap<>("catalogue", ItemInfo.class);

    private final RecommenderSettings settings;
    private final ItemStats stats;
    private final BaselineRanker ranker;
    private final List<SubtaskState> subtaskStates;

    public BaselineRecommender(RecommenderSettings settings, int subtask, int parallelism) {
        this.settings = settings;
        this.stats = new ItemStats(settings.popularityHalfLifeMillis, settings.maxNeighbours);
        this.ranker = new BaselineRanker(stats, settings.coOccurrenceWindow);
        this.subtaskStates = List.of(new ItemStatsShares(stats, subtask, parallelism));
    }

    public static Factory<UserHistory, ItemUpdate> factory(RecommenderSettings settings) {
        return (subtask, parallelism) -> new BaselineRecommender(settings, subtask, parallelism);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RecommenderSettings settings() {
        return settings;
    }

    @Override
    public String userStateName() {
        return "user-history";
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
    public void registerMetrics(MetricRegistrar metrics) {
        metrics.gauge(MetricNames.ITEMS_TRACKED, stats::size);
    }

    /** Folds the event into the user's history and the item statistics. */
    @Override
    public void observe(UserHistory user, SourcedEvent in, long now, BroadcastMaps maps, Outputs out) {
        UserEvent event = in.event;
        EventType type = event.getType();
        if (type == EventType.SEARCH) {
            user.lastQuery = event.getText();
            return;
        }
        String item = event.getItemId();
        long time = event.getEventTime().toEpochMilli();
        float weight = InteractionWeights.of(type);
        stats.addInteraction(item, weight, time);
        stats.addCoOccurrences(user.recentDistinctItems(settings.coOccurrenceWindow), item, weight);
        user.add(item, type, time, settings.historyMaxLength);
    }

    @Override
    public Recommendation recommend(UserHistory user, UserEvent trigger, long time, long now, BroadcastMaps maps) {
        MapView<ItemInfo> catalogue = maps.view(CATALOGUE);
        Set<String> excluded = settings.excludedFor(user, trigger.getItemId());
        List<ScoredItem> ranked = ranker.rank(user, settings.topN, excluded, settings.filter, catalogue::get);
        List<RecommendedItem> items = new ArrayList<>(ranked.size());
        for (ScoredItem s : ranked) {
            items.add(new RecommendedItem(s.itemId(), s.score(), s.reason(), s.title()));
        }
        return Recommendation.newBuilder()
                .setRecommendationId("rec-" + trigger.getEventId())
                .setUserId(trigger.getUserId())
                .setTriggerEventId(trigger.getEventId())
                .setGeneratedAt(Instant.ofEpochMilli(now))
                .setEventTime(Instant.ofEpochMilli(time))
                .setRecommender(NAME)
                .setModelVersion(0L)
                .setItems(items)
                .build();
    }

    /** A newer version of an item replaces the one held; an older one arriving late is ignored. */
    @Override
    public void apply(ItemUpdate update, long now, BroadcastMaps maps) {
        MapView<ItemInfo> catalogue = maps.view(CATALOGUE);
        if (update.isRemoval()) {
            catalogue.remove(update.itemId);
            return;
        }
        ItemInfo current = catalogue.get(update.itemId);
        ItemInfo next = ItemInfo.of(update.item);
        if (current == null || current.updatedAt <= next.updatedAt) {
            catalogue.put(update.itemId, next);
        }
    }

    @Override
    public List<SubtaskState> subtaskStates() {
        return subtaskStates;
    }
}
