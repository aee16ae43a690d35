package io.streamrec.recommend;

import io.streamrec.metrics.MetricNames;
import io.streamrec.avro.EventType;
import io.streamrec.avro.Recommendation;
import io.streamrec.avro.RecommendedItem;
import io.streamrec.avro.UserEvent;
import io.streamrec.events.DeadLetters;
import io.streamrec.events.ItemUpdate;
import io.streamrec.events.SourcedEvent;
import io.streamrec.schemas.AvroCodec;
import io.streamrec.user.UserHistory;
import io.streamrec.user.UserStateTtl;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The baseline recommender, keyed by user: keeps each user's history (RocksDB, TTL), counts popularity
 * and co-occurrence, and on each event emits the top-N with reasons. The catalogue arrives as
 * broadcast state so every subtask can name any item.
 */
public class BaselineRecommenderFunction
        extends KeyedBroadcastProcessFunction<String, SourcedEvent, ItemUpdate, Recommendation>
        implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;
    public static final String RECOMMENDER_NAME = "baseline";

    /** The catalogue: item id to title and category. */
    public static final MapStateDescriptor<String, ItemInfo> CATALOGUE =
            new MapStateDescriptor<>("catalogue", Types.STRING, TypeInformation.of(ItemInfo.class));

    private final RecommenderSettings settings;
    private final AvroCodec<UserEvent> codec = AvroCodec.of(UserEvent.class);

    private transient ValueState<UserHistory> history;
    private transient ItemStatsCheckpoint statsCheckpoint;
    private transient ItemStats stats;
    private transient BaselineRanker ranker;
    private transient Counter recommendationsOut;

    public BaselineRecommenderFunction(RecommenderSettings settings) {
        this.settings = settings;
    }

    static ValueStateDescriptor<UserHistory> historyDescriptor(RecommenderSettings settings) {
        ValueStateDescriptor<UserHistory> descriptor =
                new ValueStateDescriptor<>("user-history", TypeInformation.of(UserHistory.class));
        return UserStateTtl.applyTo(descriptor, settings.userTtlMillis);
    }

    @Override
    public void open(OpenContext openContext) {
        history = getRuntimeContext().getState(historyDescriptor(settings));
        recommendationsOut = getRuntimeContext().getMetricGroup().counter(MetricNames.RECOMMENDATIONS_OUT);
        getRuntimeContext().getMetricGroup().gauge(MetricNames.ITEMS_TRACKED, () -> stats.size());
    }

    @Override
    public void processElement(SourcedEvent in, ReadOnlyContext ctx, Collector<Recommendation> out) throws Exception {
        UserEvent event = in.event;
        UserHistory user = history.value();
        if (user == null) {
            user = new UserHistory();
        }
        long now = ctx.currentProcessingTime();
        if (in.probe) {
            out.collect(recommend(user, event, event.getEventTime().toEpochMilli(), now, ctx.getBroadcastState(CATALOGUE)));
            return;
        }
        if (user.seenEvent(event.getEventId())) {
            ctx.output(DeadLetters.TAG, DeadLetters.duplicate(in, codec.encode(event), now));
            return;
        }
        user.rememberEvent(event.getEventId(), settings.dedupWindow);
        long time = event.getEventTime().toEpochMilli();
        learn(user, event, time);
        if (user.dueForRecommendation(time, settings.minIntervalMillis)) {
            out.collect(recommend(user, event, time, now, ctx.getBroadcastState(CATALOGUE)));
            user.lastRecommendedAt = Math.max(user.lastRecommendedAt, time);
            recommendationsOut.inc();
        }
        user.lastEventTime = Math.max(user.lastEventTime, time);
        history.update(user);
    }

    /** Folds the event into the user's history and the item statistics. */
    private void learn(UserHistory user, UserEvent event, long time) {
        EventType type = event.getType();
        if (type == EventType.SEARCH) {
            user.lastQuery = event.getText();
            return;
        }
        String item = event.getItemId();
        float weight = InteractionWeights.of(type);
        stats.addInteraction(item, weight, time);
        stats.addCoOccurrences(user.recentDistinctItems(settings.coOccurrenceWindow), item, weight);
        user.add(item, type, time, settings.historyMaxLength);
    }

    private Recommendation recommend(UserHistory user, UserEvent trigger, long time, long now,
            ReadOnlyBroadcastState<String, ItemInfo> catalogue) throws Exception {
        Set<String> excluded = settings.excludedFor(user, trigger.getItemId());
        List<ScoredItem> ranked = ranker.rank(user, settings.topN, excluded, settings.filter, id -> {
            try {
                return catalogue.get(id);
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the catalogue broadcast state", e);
            }
        });
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
                .setRecommender(RECOMMENDER_NAME)
                .setModelVersion(0L)
                .setItems(items)
                .build();
    }

    @Override
    public void processBroadcastElement(ItemUpdate update, Context ctx, Collector<Recommendation> out) throws Exception {
        BroadcastState<String, ItemInfo> catalogue = ctx.getBroadcastState(CATALOGUE);
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
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        statsCheckpoint.snapshot(stats, getRuntimeContext().getTaskInfo());
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        statsCheckpoint = ItemStatsCheckpoint.register(context.getOperatorStateStore());
        stats = new ItemStats(settings.popularityHalfLifeMillis, settings.maxNeighbours);
        ranker = new BaselineRanker(stats, settings.coOccurrenceWindow);
        if (context.isRestored()) {
            statsCheckpoint.restoreInto(stats, getRuntimeContext().getTaskInfo());
        }
    }
}
