package io.streamrec.ranking;

import io.streamrec.avro.EventType;
import io.streamrec.avro.ModelUpdate;
import io.streamrec.avro.Recommendation;
import io.streamrec.avro.RecommendedItem;
import io.streamrec.avro.UserEvent;
import io.streamrec.config.ModelOptions;
import io.streamrec.events.DeadLetters;
import io.streamrec.events.SourcedEvent;
import io.streamrec.learning.FeedbackLabeler;
import io.streamrec.learning.ModelState;
import io.streamrec.recommend.InteractionWeights;
import io.streamrec.recommend.ItemStats;
import io.streamrec.recommend.ItemStatsCheckpoint;
import io.streamrec.schemas.AvroCodec;
import io.streamrec.text.EncoderSettings;
import io.streamrec.user.UserProfile;
import io.streamrec.user.UserStateTtl;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.LoggerFactory;

/**
 * The model recommender, keyed by user. Per user (RocksDB): history and the fused representation. Per
 * subtask, from broadcast: the item index and the ranker's parameters ({@link ModelReplica}), which change
 * only by applying the model-updates topic in its order, so every replica holds the same model and version.
 * Feedback becomes gradients, published through {@link #MODEL_UPDATES}.
 */
public class ModelRecommenderFunction
        extends KeyedBroadcastProcessFunction<String, SourcedEvent, ModelInput, Recommendation>
        implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;
    public static final String RECOMMENDER_NAME = "model";

    public static final MapStateDescriptor<String, ItemVector> ITEMS =
            new MapStateDescriptor<>("item-index", Types.STRING, TypeInformation.of(ItemVector.class));
    public static final MapStateDescriptor<String, ModelState> MODEL =
            new MapStateDescriptor<>("ranker-model", Types.STRING, TypeInformation.of(ModelState.class));
    public static final OutputTag<ModelUpdate> MODEL_UPDATES = new OutputTag<>("model-updates") {};

    private final ModelSettings settings;
    private final EncoderSettings sentimentEncoder;
    private SentimentClassifier sentiment;
    private final AvroCodec<UserEvent> codec = AvroCodec.of(UserEvent.class);

    private transient ValueState<UserProfile> profiles;
    private transient ModelReplica replica;
    private transient ItemStats stats;
    private transient ItemStatsCheckpoint statsCheckpoint;
    private transient ProfileUpdater updater;
    private transient LearningState learning;
    private transient ModelMetrics metrics;
    private transient CandidateCache candidateCache;
    /** The model version the checksum gauge was computed for. */
    private transient long checksumVersion;

    /** Review text without a rating is scored by a zero-shot classifier on {@code sentimentEncoder}'s vectors. */
    public ModelRecommenderFunction(ModelSettings settings, EncoderSettings sentimentEncoder) {
        this.settings = settings;
        this.sentimentEncoder = sentimentEncoder;
    }

    /** With a ready classifier; null treats review text without a rating as neutral. */
    public ModelRecommenderFunction(ModelSettings settings, SentimentClassifier sentiment) {
        this.settings = settings;
        this.sentimentEncoder = null;
        this.sentiment = sentiment;
    }

    static ValueStateDescriptor<UserProfile> profileDescriptor(ModelSettings settings) {
        ValueStateDescriptor<UserProfile> d = new ValueStateDescriptor<>("user-profile", TypeInformation.of(UserProfile.class));
        return UserStateTtl.applyTo(d, settings.common.userTtlMillis);
    }

    @Override
    public void open(OpenContext openContext) {
        profiles = getRuntimeContext().getState(profileDescriptor(settings));
        candidateCache = new CandidateCache(settings.reuseUsers, settings.reuseCosine);
        checksumVersion = -1;
        metrics = new ModelMetrics(getRuntimeContext().getMetricGroup(), candidateCache);
        LoggerFactory.getLogger(ModelRecommenderFunction.class).info("Dot products: {}", Vectors.dotProductMode());
        if (sentiment == null && sentimentEncoder != null) {
            sentiment = SentimentPrototypes.classifier(sentimentEncoder);
        }
    }

    @Override
    public void processElement(SourcedEvent in, ReadOnlyContext ctx, Collector<Recommendation> out) throws Exception {
        ReadOnlyBroadcastState<String, ItemVector> items = ctx.getBroadcastState(ITEMS);
        if (replica.loadOnce(items, ctx.getBroadcastState(MODEL))) {
            refreshGauges();
        }
        UserEvent event = in.event;
        UserProfile profile = profiles.value();
        if (profile == null) {
            profile = new UserProfile();
        }
        long now = ctx.currentProcessingTime();
        long time = event.getEventTime().toEpochMilli();
        if (in.probe) {
            out.collect(recommend(profile, event, time, now, items));
            return;
        }
        if (profile.history.seenEvent(event.getEventId())) {
            ctx.output(DeadLetters.TAG, DeadLetters.duplicate(in, codec.encode(event), now));
            return;
        }
        profile.history.rememberEvent(event.getEventId(), settings.common.dedupWindow);
        ItemVector item = event.getItemId() == null ? null : items.get(event.getItemId());
        // A positive only at the user's first interaction with the item: a later one (the purchase after the
        // view) would be labelled on a profile that already holds the item, a positive no ranker has to find.
        if (settings.learningEnabled && item != null && item.text != null && replica.ready()
                && InteractionWeights.of(event.getType()) > 0 && event.getType() != EventType.REVIEW
                && !profile.history.contains(item.itemId)) {
            learnFrom(profile, event, item, time, now, items, ctx);
        }
        float reviewSentiment = event.getType() == EventType.REVIEW
                ? (sentiment == null && event.getRating() == null ? 0f
                        : sentimentOf(event.getRating(), in.textVector))
                : 0f;
        countInteraction(profile, event, time);
        updater.apply(profile, event, in.textVector, item, reviewSentiment);
        if (profile.history.dueForRecommendation(time, settings.common.minIntervalMillis)) {
            Recommendation rec = recommend(profile, event, time, now, items);
            out.collect(rec);
            metrics.recommendations.inc();
            profile.shownItems = rec.getItems().stream().map(RecommendedItem::getItemId).toArray(String[]::new);
            profile.shownAt = time;
            profile.history.lastRecommendedAt = Math.max(profile.history.lastRecommendedAt, time);
        }
        profile.history.lastEventTime = Math.max(profile.history.lastEventTime, time);
        profiles.update(profile);
    }

    private float sentimentOf(Float rating, float[] textVector) {
        return sentiment == null ? Math.max(-1f, Math.min(1f, (rating - 3f) / 2f)) : sentiment.score(rating, textVector);
    }

    private void countInteraction(UserProfile profile, UserEvent event, long time) {
        if (event.getItemId() == null) {
            return;
        }
        float weight = InteractionWeights.of(event.getType());
        stats.addInteraction(event.getItemId(), weight, time);
        stats.addCoOccurrences(profile.history.recentDistinctItems(settings.common.coOccurrenceWindow),
                event.getItemId(), weight);
    }

    /** Labels the interaction against what was shown before it and adds the gradients. */
    private void learnFrom(UserProfile before, UserEvent event, ItemVector taken, long time, long now,
            ReadOnlyBroadcastState<String, ItemVector> items, ReadOnlyContext ctx) {
        FeatureExtractor.Context context = context(before, time);
        ModelState model = replica.model();
        List<FeedbackLabeler.Example> examples = replica.labeler().label(context, before, taken, replica.index(),
                id -> get(items, id), model.size() - Feature.COUNT, event.getEventId());
        // The labeller puts the item taken first, its negatives after it.
        for (FeedbackLabeler.Example e : examples) {
            if (settings.loss == ModelOptions.Loss.PAIRWISE && e.label()) {
                continue;
            }
            double loss = settings.loss == ModelOptions.Loss.PAIRWISE
                    ? learning.gradients.addPair(model, examples.get(0).features(), e.features(), now)
                    : learning.gradients.add(model, e.features(), e.label(), now);
            metrics.logLoss = metrics.logLoss == 0 ? loss : 0.99 * metrics.logLoss + 0.01 * loss;
            metrics.examples.inc();
        }
        if (learning.gradients.count() >= settings.batchSize) {
            ctx.output(MODEL_UPDATES, learning.drain(model.version, now));
        }
    }

    private Recommendation recommend(UserProfile profile, UserEvent trigger, long time, long now,
            ReadOnlyBroadcastState<String, ItemVector> items) {
        long started = System.nanoTime();
        List<RecommendedItem> shown = new ArrayList<>();
        if (replica.ready()) {
            Set<String> excluded = settings.common.excludedFor(profile.history, trigger.getItemId());
            FeatureExtractor.Context context = context(profile, time);
            List<String> nearest = candidateCache.nearest(trigger.getUserId(), context.fused, settings.candidates,
                    excluded, replica.index(), replica.indexVersion());
            List<RankedItem> ranked = replica.ranker().rank(context, replica.model(), id -> get(items, id), excluded,
                    settings.common.filter, settings.common.topN, nearest, settings.maxPerCategory);
            for (RankedItem r : ranked) {
                shown.add(new RecommendedItem(r.item().itemId, r.score(), Reasons.of(r, profile, id -> get(items, id)),
                        r.item().title));
            }
        }
        metrics.rankingLatencyMicros.update((System.nanoTime() - started) / 1000);
        return Recommendation.newBuilder()
                .setRecommendationId("rec-" + trigger.getEventId())
                .setUserId(trigger.getUserId())
                .setTriggerEventId(trigger.getEventId())
                .setGeneratedAt(Instant.ofEpochMilli(now))
                .setEventTime(Instant.ofEpochMilli(time))
                .setRecommender(RECOMMENDER_NAME)
                .setModelVersion(replica.version())
                .setItems(shown)
                .build();
    }

    private FeatureExtractor.Context context(UserProfile profile, long time) {
        List<String> trending = stats.trending(1);
        double maxPopularity = trending.isEmpty() ? 0 : stats.popularity(trending.get(0));
        return new FeatureExtractor.Context(profile, ProfileUpdater.fused(profile),
                profile.history.recentDistinctItems(settings.common.coOccurrenceWindow), time, maxPopularity);
    }

    private static ItemVector get(ReadOnlyBroadcastState<String, ItemVector> items, String id) {
        try {
            return items.get(id);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the item index broadcast state", e);
        }
    }

    @Override
    public void processBroadcastElement(ModelInput input, Context ctx, Collector<Recommendation> out) throws Exception {
        var items = ctx.getBroadcastState(ITEMS);
        var models = ctx.getBroadcastState(MODEL);
        replica.loadOnce(items, models);
        replica.apply(input, items, models, ctx.currentProcessingTime(), metrics);
        refreshGauges();
    }

    private void refreshGauges() {
        metrics.modelVersion = replica.version();
        metrics.itemsIndexed = replica.indexSize();
        // The parameters change only with an update (a new version): no checksum per catalogue item.
        if (replica.model() != null && replica.version() != checksumVersion) {
            metrics.modelChecksum = replica.model().checksum();
            checksumVersion = replica.version();
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        statsCheckpoint.snapshot(stats, getRuntimeContext().getTaskInfo());
        learning.snapshot();
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        stats = new ItemStats(settings.common.popularityHalfLifeMillis, settings.common.maxNeighbours);
        replica = new ModelReplica(settings, stats);
        statsCheckpoint = ItemStatsCheckpoint.register(context.getOperatorStateStore());
        updater = new ProfileUpdater(settings);
        learning = LearningState.register(context.getOperatorStateStore(), settings.jobName,
                getRuntimeContext().getTaskInfo().getIndexOfThisSubtask());
        if (context.isRestored()) {
            statsCheckpoint.restoreInto(stats, getRuntimeContext().getTaskInfo());
            learning.restore();
        }
    }
}
