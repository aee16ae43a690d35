package io.streamrec.recommenders;

import io.streamrec.avro.EventType;
import io.streamrec.avro.ModelUpdate;
import io.streamrec.avro.Recommendation;
import io.streamrec.avro.RecommendedItem;
import io.streamrec.avro.UserEvent;
import io.streamrec.events.SourcedEvent;
import io.streamrec.learning.FeedbackLabeler;
import io.streamrec.learning.ItemBiases;
import io.streamrec.learning.Loss;
import io.streamrec.learning.ModelState;
import io.streamrec.learning.PendingGradients;
import io.streamrec.learning.ServingGate;
import io.streamrec.metrics.MetricNames;
import io.streamrec.metrics.MetricRegistrar;
import io.streamrec.ranking.CandidateSource;
import io.streamrec.ranking.Feature;
import io.streamrec.ranking.FeatureExtractor;
import io.streamrec.ranking.ModelRanker;
import io.streamrec.ranking.RankedItem;
import io.streamrec.ranking.Reasons;
import io.streamrec.ranking.ScoredItem;
import io.streamrec.retrieval.CandidateCache;
import io.streamrec.state.BroadcastMap;
import io.streamrec.state.BroadcastMaps;
import io.streamrec.state.InteractionWeights;
import io.streamrec.state.ItemStats;
import io.streamrec.state.ItemStatsShares;
import io.streamrec.state.ItemVector;
import io.streamrec.state.MapView;
import io.streamrec.state.ProfileUpdater;
import io.streamrec.state.SentimentClassifier;
import io.streamrec.state.SubtaskState;
import io.streamrec.state.UserHistory;
import io.streamrec.state.UserProfile;
import io.streamrec.vectors.Vectors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.slf4j.LoggerFactory;

/**
 * The model recommender. Per user: history and the fused representation ({@link UserProfile}). Per
 * subtask, from broadcast: the item index and the ranker's parameters ({@link ModelReplica}), which change
 * only by applying the model's log (the model-updates topic) in its order, so every replica holds the same
 * model and version. Feedback becomes gradients, published through {@link Outputs#modelUpdate}.
 */
public final class ModelRecommender implements Recommender<UserProfile, ModelInput> {
    public static final String NAME = "model";

    public static final BroadcastMap<ItemVector> ITEMS = new BroadcastMap<>("item-index", ItemVector.class);
    public static final BroadcastMap<ModelState> MODEL = new BroadcastMap<>("ranker-model", ModelState.class);
    /** The learned item offsets by item id, {bias, accumulator} ({@link ItemBiases}). */
    public static final BroadcastMap<float[]> ITEM_BIASES = new BroadcastMap<>("item-biases", float[].class);

    private final ModelSettings settings;
    /** Scores review text without a rating; null treats such text as neutral. */
    private final SentimentClassifier sentiment;
    private final ItemStats stats;
    private final ModelReplica replica;
    private final ProfileUpdater updater;
    private final PendingGradients learning;
    private final CandidateCache candidateCache;
    private final ShadowBaseline shadowBaseline;
    private final ModelGauges gauges = new ModelGauges();
    private final List<SubtaskState> subtaskStates;
    private LongConsumer examples = n -> {};
    private LongConsumer rankingLatencyMicros = v -> {};
    /** The model version the checksum gauge was computed for. */
    private long checksumVersion = -1;
    /** The shadow list of the last recommendation, until {@link #served} keeps it in the user's profile. */
    private Shadow pendingShadow;

    /** The lists of a sampled user's last recommendation, until {@link #served} keeps them in the profile. */
    private SampledLists pendingSampled;

    /** The list the serving gate's other weights made for a recommendation. */
    private record Shadow(String triggerEventId, String[] items, boolean learnedServed) {}

    /** The model's and the shadow baseline's lists for a sampled user's recommendation (their tops). */
    private record SampledLists(String triggerEventId, String[] model, String[] baseline) {}

    public ModelRecommender(ModelSettings settings, SentimentClassifier sentiment, int subtask, int parallelism) {
        this.settings = settings;
        this.sentiment = sentiment;
        this.stats = new ItemStats(settings.common.popularityHalfLifeMillis, settings.common.maxNeighbours,
                settings.coOccurrenceTransitions > 0 ? settings.transitionWindow : 0);
        this.replica = new ModelReplica(settings, stats);
        this.updater = new ProfileUpdater(settings.intentHalfLifeMillis, settings.interestHalfLifeMillis,
                settings.sessionGapMillis, settings.common.historyMaxLength);
        this.learning = new PendingGradients(settings.jobName, subtask);
        this.candidateCache = new CandidateCache(settings.reuseUsers, settings.reuseCosine);
        this.shadowBaseline = new ShadowBaseline(settings.shadow, stats, settings.common.coOccurrenceWindow,
                settings.common.qualityWindowMillis);
        this.subtaskStates = List.of(new ItemStatsShares(stats, subtask, parallelism), learning);
    }

    /**
     * @param sentiment builds the classifier for review text without a rating on each subtask (it may load a
     *     text encoder); null treats such text as neutral
     */
    public static Factory<UserProfile, ModelInput> factory(ModelSettings settings, SentimentFactory sentiment) {
        return (subtask, parallelism) -> {
            LoggerFactory.getLogger(ModelRecommender.class).info("Dot products: {}", Vectors.dotProductMode());
            return new ModelRecommender(settings, sentiment == null ? null : sentiment.create(), subtask, parallelism);
        };
    }

    /** Builds a {@link SentimentClassifier} where the recommender runs. */
    public interface SentimentFactory extends java.io.Serializable {
        SentimentClassifier create();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RecommenderSettings settings() {
        return settings.common;
    }

    @Override
    public String userStateName() {
        return "user-profile";
    }

    @Override
    public Class<UserProfile> userStateType() {
        return UserProfile.class;
    }

    @Override
    public UserProfile newUser() {
        return new UserProfile();
    }

    @Override
    public UserHistory history(UserProfile user) {
        return user.history;
    }

    @Override
    public void registerMetrics(MetricRegistrar operator) {
        operator.gauge(MetricNames.CANDIDATES_REUSED, candidateCache::hits);
        operator.gauge(MetricNames.CANDIDATES_RETRIEVED, candidateCache::misses);
        operator.gauge(MetricNames.ITEMS_INDEXED, () -> gauges.itemsIndexed);
        rankingLatencyMicros = operator.histogram(MetricNames.RANKING_LATENCY_MICROS);
        MetricRegistrar model = operator.group(MetricNames.MODEL_GROUP);
        examples = model.counter(MetricNames.MODEL_FEEDBACK_EXAMPLES);
        model.gauge(MetricNames.MODEL_VERSION, () -> gauges.modelVersion);
        model.gauge(MetricNames.MODEL_UPDATE_STALENESS_MS, () -> gauges.stalenessMillis);
        model.gauge(MetricNames.MODEL_GRADIENT_NORM, () -> gauges.gradientNorm);
        model.gauge(MetricNames.MODEL_LOG_LOSS, () -> gauges.logLoss);
        model.gauge(MetricNames.MODEL_CHECKSUM, () -> gauges.modelChecksum);
        model.gauge(MetricNames.MODEL_SERVES_LEARNED, () -> gauges.servesLearned);
        model.gauge(MetricNames.MODEL_LEARNED_HIT_RATE, () -> gauges.learnedHitRate);
        model.gauge(MetricNames.MODEL_PRIOR_HIT_RATE, () -> gauges.priorHitRate);
        shadowBaseline.register(operator.group(MetricNames.QUALITY_GROUP));
    }

    @Override
    public void load(BroadcastMaps maps) {
        if (replica.loadOnce(maps.view(ITEMS), maps.view(MODEL))) {
            refreshGauges();
        }
    }

    @Override
    public void observe(UserProfile profile, SourcedEvent in, long now, BroadcastMaps maps, Outputs out) {
        UserEvent event = in.event;
        long time = event.getEventTime().toEpochMilli();
        MapView<ItemVector> items = maps.view(ITEMS);
        ItemVector item = event.getItemId() == null ? null : items.get(event.getItemId());
        shadowBaseline.observe(profile, event);
        // A positive only at the user's first interaction with the item: a later one (the purchase after the
        // view) would be labelled on a profile that already holds the item, a positive no ranker has to find.
        if (settings.learningEnabled && item != null && item.text != null && replica.ready()
                && InteractionWeights.of(event.getType()) > 0 && event.getType() != EventType.REVIEW
                && !profile.history.contains(item.itemId) && likedOrUnrated(event)) {
            learnFrom(profile, event, item, time, now, items, replica.biases(maps.view(ITEM_BIASES)), out);
        }
        float reviewSentiment = event.getType() == EventType.REVIEW
                ? (sentiment == null && event.getRating() == null ? 0f : sentimentOf(event.getRating(), in.textVector))
                : 0f;
        countInteraction(profile, event, time);
        updater.apply(profile, event, in.textVector, item, reviewSentiment);
    }

    @Override
    public void forget(String userId) {
        candidateCache.forget(userId);
        pendingShadow = null;
        pendingSampled = null;
    }

    @Override
    public void served(UserProfile profile, Recommendation served, long time) {
        Shadow shadow = pendingShadow;
        pendingShadow = null;
        boolean ours = shadow != null && shadow.triggerEventId().equals(served.getTriggerEventId());
        profile.shadowItems = ours ? shadow.items() : new String[0];
        profile.shownLearned = !ours || shadow.learnedServed();
        SampledLists sampled = pendingSampled;
        pendingSampled = null;
        boolean sampledOurs = sampled != null && sampled.triggerEventId().equals(served.getTriggerEventId());
        profile.modelList = sampledOurs ? sampled.model() : new String[0];
        profile.baselineList = sampledOurs ? sampled.baseline() : new String[0];
    }

    /** Whether the event is a positive by its rating: none given, or at least learning.positive-min-rating. */
    private boolean likedOrUnrated(UserEvent event) {
        return event.getRating() == null || event.getRating() >= settings.positiveMinRating;
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
        // One pair per user and item, at the user's first interaction with it (as item-kNN counts): a click or a
        // purchase after the view would pair the item with the same recent items again, so items users come back
        // to would outweigh items many users take once.
        if (!profile.history.contains(event.getItemId())) {
            stats.addCoOccurrences(profile.history.recentDistinctItems(settings.common.coOccurrenceWindow),
                    event.getItemId(), 1f);
        }
    }

    /** Labels the interaction against what was shown before it and adds the gradients. */
    private void learnFrom(UserProfile before, UserEvent event, ItemVector taken, long time, long now,
            MapView<ItemVector> items, ItemBiases biases, Outputs out) {
        FeatureExtractor.Context context = context(before, time);
        ModelState model = replica.model();
        FeedbackLabeler labeler = replica.labeler();
        if (before.shadowItems.length > 0) {
            boolean inShown = inTop(before.history.servedItems, taken.itemId);
            boolean inShadow = inTop(before.shadowItems, taken.itemId);
            learning.gradients.addTake(before.shownLearned ? inShown : inShadow, before.shownLearned ? inShadow : inShown);
        }
        if (settings.loss == Loss.SOFTMAX) {
            learnAmongCandidates(before, context, taken, event, now, items, biases, out);
            return;
        }
        List<FeedbackLabeler.Example> examples = labeler.label(context, before, taken, replica.index(), items::get,
                model.size() - Feature.COUNT, event.getEventId(),
                labeler.wantsPopular() ? stats.trending(FeedbackLabeler.POPULAR_POOL) : List.of());
        // The labeller puts the item taken first, its negatives after it.
        for (FeedbackLabeler.Example e : examples) {
            if (settings.loss != Loss.POINTWISE && e.label()) {
                continue;
            }
            FeedbackLabeler.Example positive = examples.get(0);
            double loss = settings.loss != Loss.POINTWISE
                    ? learning.gradients.addPair(model, biases, positive.itemId(), positive.features(), e.itemId(),
                            e.features(), now)
                    : learning.gradients.add(model, biases, e.itemId(), e.features(), e.label(), now);
            counted(loss);
        }
        publishWhenFull(model, now, out);
    }

    /**
     * The taken item against the other candidates its request would have scored (the softmax loss): the
     * candidates are those of the state before the event, as a recommendation just before it would have had.
     */
    private void learnAmongCandidates(UserProfile before, FeatureExtractor.Context context, ItemVector taken,
            UserEvent event, long now, MapView<ItemVector> items, ItemBiases biases, Outputs out) {
        ModelState model = replica.model();
        Set<String> excluded = settings.common.excludedFor(before.history, null);
        List<String> nearest = context.fused == null ? List.of()
                : replica.index().topK(context.fused, settings.candidates, excluded::contains, excluded.size());
        Set<String> pool = replica.ranker().candidates(context, excluded, nearest);
        FeedbackLabeler.PoolExample example = replica.labeler().fromPool(context, taken, pool, excluded, items::get,
                model.size() - Feature.COUNT, event.getEventId(), settings.poolSample);
        if (example != null) {
            double loss = learning.gradients.addSoftmax(model, biases, example.ids(), example.taken(),
                    example.others(), now);
            counted(loss);
        }
        publishWhenFull(model, now, out);
    }

    /** One more labelled example, and its loss in the gauge's moving average. */
    private void counted(double loss) {
        gauges.logLoss = gauges.logLoss == 0 ? loss : 0.99 * gauges.logLoss + 0.01 * loss;
        examples.accept(1);
    }

    private void publishWhenFull(ModelState model, long now, Outputs out) {
        if (learning.gradients.count() >= settings.batchSize) {
            ModelUpdate update = learning.drain(model.version, now);
            out.modelUpdate(settings.reverseGradients ? reversed(update) : update);
        }
    }

    /** The update with its gradient negated (learning.test.reverse-gradients): applied, it climbs the loss. */
    private static ModelUpdate reversed(ModelUpdate update) {
        List<Float> negated = new ArrayList<>(update.getGradient().size());
        update.getGradient().forEach(g -> negated.add(-g));
        Map<String, Float> negatedItems = new HashMap<>();
        update.getItemGradient().forEach((id, g) -> negatedItems.put(id, -g));
        return ModelUpdate.newBuilder(update).setGradient(negated).setItemGradient(negatedItems).build();
    }

    private static String[] top(java.util.stream.Stream<String> ids) {
        return ids.limit(LiveQuality.DEPTH).toArray(String[]::new);
    }

    /** The subtask's item counts: popularity, co-occurrence, transitions (read them, do not change them). */
    public ItemStats itemStats() {
        return stats;
    }

    /** The shadow baseline on a sample of users and the guard (read them, do not change them). */
    public ShadowBaseline shadowBaseline() {
        return shadowBaseline;
    }

    /** Whether {@code id} is among the first {@link ServingGate#DEPTH} of {@code ids}. */
    private static boolean inTop(String[] ids, String id) {
        for (int i = 0; i < ids.length && i < ServingGate.DEPTH; i++) {
            if (ids[i].equals(id)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Recommendation recommend(UserProfile profile, UserEvent trigger, long time, long now, BroadcastMaps maps) {
        long started = System.nanoTime();
        MapView<ItemVector> items = maps.view(ITEMS);
        List<RecommendedItem> shown = new ArrayList<>();
        String servedBy = NAME;
        if (replica.ready()) {
            Set<String> excluded = settings.common.excludedFor(profile.history, trigger.getItemId());
            FeatureExtractor.Context context = context(profile, time);
            List<String> nearest = candidateCache.nearest(trigger.getUserId(), context.fused, settings.candidates,
                    excluded, replica.index(), replica.indexVersion());
            float[] shadowWeights = replica.shadowWeights();
            MapView<float[]> biases = maps.view(ITEM_BIASES);
            ModelRanker.Ranking ranking = replica.ranker().rank(context, replica.servingWeights(),
                    replica.servingOffsets(biases), shadowWeights, replica.shadowOffsets(biases), items::get, excluded,
                    settings.common.filter, settings.common.topN, nearest, settings.maxPerCategory);
            if (shadowWeights != null) {
                pendingShadow = new Shadow(trigger.getEventId(),
                        ranking.shadow().stream().limit(ServingGate.DEPTH).toArray(String[]::new),
                        replica.model().gate().servesLearned());
            }
            for (RankedItem r : ranking.shown()) {
                shown.add(new RecommendedItem(r.item().itemId, r.score(), Reasons.of(r, profile, items::get),
                        r.item().title));
            }
            boolean sampled = shadowBaseline.sampled(trigger.getUserId());
            if (sampled || shadowBaseline.servesBaseline()) {
                List<ScoredItem> baseline = shadowBaseline.rank(profile, settings.common.topN, excluded,
                        settings.common.filter, items::get);
                if (sampled) {
                    pendingSampled = new SampledLists(trigger.getEventId(), top(shown.stream().map(RecommendedItem::getItemId)),
                            top(baseline.stream().map(ScoredItem::itemId)));
                }
                if (shadowBaseline.servesBaseline()) {
                    servedBy = BaselineRecommender.NAME;
                    shown.clear();
                    for (ScoredItem b : baseline) {
                        shown.add(new RecommendedItem(b.itemId(), b.score(), b.reason(), b.title()));
                    }
                }
            }
        }
        rankingLatencyMicros.accept((System.nanoTime() - started) / 1000);
        return Recommendation.newBuilder()
                .setRecommendationId("rec-" + trigger.getEventId())
                .setUserId(trigger.getUserId())
                .setTriggerEventId(trigger.getEventId())
                .setGeneratedAt(Instant.ofEpochMilli(now))
                .setEventTime(Instant.ofEpochMilli(time))
                .setRecommender(servedBy)
                .setModelVersion(replica.version())
                .setItems(shown)
                .build();
    }

    private FeatureExtractor.Context context(UserProfile profile, long time) {
        List<String> trending = stats.trending(1);
        double maxPopularity = trending.isEmpty() ? 0 : stats.popularity(trending.get(0));
        return new FeatureExtractor.Context(profile, ProfileUpdater.fused(profile),
                profile.history.recentDistinctItems(settings.coOccurrenceRecentItems), time, maxPopularity);
    }

    @Override
    public void apply(ModelInput input, long now, BroadcastMaps maps) {
        MapView<ItemVector> items = maps.view(ITEMS);
        MapView<ModelState> models = maps.view(MODEL);
        replica.loadOnce(items, models);
        replica.apply(input, items, models, maps.view(ITEM_BIASES), now, gauges);
        refreshGauges();
    }

    private void refreshGauges() {
        gauges.modelVersion = replica.version();
        gauges.itemsIndexed = replica.indexSize();
        if (replica.model() != null) {
            gauges.servesLearned = replica.model().gate().servesLearned() ? 1 : 0;
            gauges.learnedHitRate = replica.model().gate().learnedHitRate();
            gauges.priorHitRate = replica.model().gate().priorHitRate();
        }
        // The parameters change only with an update (a new version): no checksum per catalogue item.
        if (replica.model() != null && replica.version() != checksumVersion) {
            gauges.modelChecksum = replica.model().checksum();
            checksumVersion = replica.version();
        }
    }

    /**
     * Tells {@code recorder} the candidates of every list's pool and where each came from, so an evaluation
     * can see whether an item it expected was offered to the ranker at all (null: nobody).
     */
    public void recordPools(CandidateSource.Recorder recorder) {
        replica.recordPools(recorder);
    }

    /** The serving gate's counts (read them, do not change them); null without a gate or before a model. */
    public ServingGate gate() {
        return replica.gated() ? replica.model().gate() : null;
    }

    /** Whether the learned weights serve now (true also without a gate or a model). */
    public boolean servesLearned() {
        return replica.model() == null || replica.shadowWeights() == null || replica.model().gate().servesLearned();
    }

    /** The model's version (0 before the first item or update). */
    public long modelVersion() {
        return replica.version();
    }

    @Override
    public List<SubtaskState> subtaskStates() {
        return subtaskStates;
    }
}
