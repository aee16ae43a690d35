package io.streamrec.config;

import io.streamrec.learning.FeedbackLabeler;
import io.streamrec.learning.Loss;
import io.streamrec.ranking.FeatureExtractor;
import io.streamrec.ranking.ModelRanker;
import io.streamrec.recommenders.ModelSettings;
import io.streamrec.retrieval.HnswIndex;
import io.streamrec.retrieval.IndexKind;
import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** The model recommender: user representation, ranking and online learning. */
public final class ModelOptions {
    private ModelOptions() {}

    public static final ConfigOption<Integer> CANDIDATES = ConfigOptions.key("ranking.candidates")
            .intType()
            .defaultValue(100)
            .withDescription("Nearest items to the fused user vector retrieved per request, before co-occurrence "
                    + "and trending candidates are added and all are ranked.");

    public static final ConfigOption<Integer> CANDIDATES_CO_OCCURRING = ConfigOptions.key("ranking.candidates.co-occurring")
            .intType()
            .defaultValue(ModelRanker.DEFAULT_CO_OCCURRING_CANDIDATES)
            .withDescription("Candidates added per request from co-occurrence: the items whose co-occurrence with "
                    + "the user's recent items (the ranker's co-occurrence feature) is highest, among the items "
                    + "the list may hold (not excluded). Each candidate is scored, so more cost more per request; "
                    + "0 adds none.");

    public static final ConfigOption<Integer> CO_OCCURRENCE_RECENT_ITEMS =
            ConfigOptions.key("ranking.co-occurrence.recent-items")
                    .intType()
                    .defaultValue(ModelRanker.DEFAULT_CO_OCCURRENCE_RECENT_ITEMS)
                    .withDescription("The user's most recent distinct items whose co-occurrences make the model's "
                            + "co-occurrence feature and co-occurring candidates (pairs are counted over "
                            + "baseline.co-occurrence-window).");

    public static final ConfigOption<Double> CO_OCCURRENCE_RECENCY_EXPONENT =
            ConfigOptions.key("ranking.co-occurrence.recency-exponent")
                    .doubleType()
                    .defaultValue(FeatureExtractor.DEFAULT_RECENCY_EXPONENT)
                    .withDescription("The i-th most recent item (0 = the latest) weighs (1 + i)^-exponent in the "
                            + "co-occurrence feature: 1 weighs 1, 1/2, 1/3, ...; smaller lets a user's older items "
                            + "count for more, 0 weighs all alike.");

    public static final ConfigOption<Double> CO_OCCURRENCE_TRANSITIONS =
            ConfigOptions.key("ranking.co-occurrence.transitions")
                    .doubleType()
                    .defaultValue(FeatureExtractor.DEFAULT_TRANSITION_WEIGHT)
                    .withDescription("Weight of transitions in the co-occurrence feature and candidates: the items "
                            + "users took within the next ranking.co-occurrence.transition-window after each recent "
                            + "item (directed, the nearer counting more), relative to its strongest, added to its "
                            + "co-occurrences. 0 keeps no transitions (less state per item).");

    public static final ConfigOption<Integer> CO_OCCURRENCE_TRANSITION_WINDOW =
            ConfigOptions.key("ranking.co-occurrence.transition-window")
                    .intType()
                    .defaultValue(ModelSettings.DEFAULT_TRANSITION_WINDOW)
                    .withDescription("How many of a user's previous items count a transition to the item taken "
                            + "next, the k-th previous weighing 1/k; at most baseline.co-occurrence-window count. "
                            + "Used when ranking.co-occurrence.transitions is above 0.");

    public static final ConfigOption<Double> CANDIDATES_REUSE_COSINE = ConfigOptions.key("ranking.candidates.reuse-cosine")
            .doubleType()
            .defaultValue(0.95)
            .withDescription("A user's last retrieved candidates are used again while the fused user vector is at "
                    + "least this close (cosine) to the one they were retrieved for and the item index has not "
                    + "changed; every candidate is still scored by the current model, and the co-occurring and "
                    + "trending candidates are fresh. 1 = retrieve on every request.");

    public static final ConfigOption<Integer> CANDIDATES_REUSE_USERS = ConfigOptions.key("ranking.candidates.reuse-users")
            .intType()
            .defaultValue(50_000)
            .withDescription("Users whose last retrieval each subtask keeps for ranking.candidates.reuse-cosine "
                    + "(least recently used out; about 2 KB each with 100 candidates of 384 dimensions). Not "
                    + "checkpointed: after a restore the next request retrieves. 0 = keep none.");

    public static final ConfigOption<Integer> MAX_PER_CATEGORY = ConfigOptions.key("ranking.max-per-category")
            .intType()
            .defaultValue(4)
            .withDescription("Diversity: at most this many items of one category in a recommendation (0 = no limit).");

    public static final ConfigOption<Integer> EXPLORATION_SLOTS = ConfigOptions.key("ranking.exploration.slots")
            .intType()
            .defaultValue(1)
            .withDescription("Places per recommendation reserved for new items that match the user's text profile "
                    + "(retrieved by the fused vector, catalogue record younger than ranking.exploration.window, "
                    + "not yet taken on this subtask): they cannot have popularity or co-occurrence yet, so without "
                    + "exposure nobody would take them. 0 = the ranker's order only.");

    public static final ConfigOption<Integer> EXPLORATION_RANK = ConfigOptions.key("ranking.exploration.rank")
            .intType()
            .defaultValue(3)
            .withDescription("A new item chosen for exploration is shown at this position or better (1 = first).");

    public static final ConfigOption<Duration> EXPLORATION_WINDOW = ConfigOptions.key("ranking.exploration.window")
            .durationType()
            .defaultValue(Duration.ofDays(7))
            .withDescription("How long after its catalogue record (event time) an item counts as new.");

    public static final ConfigOption<Duration> SESSION_GAP = ConfigOptions.key("user.session-gap")
            .durationType()
            .defaultValue(Duration.ofMinutes(30))
            .withDescription("Event-time gap after which the short-term session vector starts afresh.");

    public static final ConfigOption<Duration> INTEREST_HALF_LIFE = ConfigOptions.key("user.interest-half-life")
            .durationType()
            .defaultValue(Duration.ofDays(14))
            .withDescription("Event-time half-life of the long-term interest vector.");

    public static final ConfigOption<Duration> INTENT_HALF_LIFE = ConfigOptions.key("user.intent-half-life")
            .durationType()
            .defaultValue(Duration.ofHours(12))
            .withDescription("Event-time half-life of the intent vector built from search queries.");

    public static final ConfigOption<Boolean> LEARNING_ENABLED = ConfigOptions.key("learning.enabled")
            .booleanType()
            .defaultValue(true)
            .withDescription("Turn feedback into gradient updates on the model-updates topic.");

    public static final ConfigOption<Boolean> APPLY_UPDATES = ConfigOptions.key("learning.apply-updates")
            .booleanType()
            .defaultValue(true)
            .withDescription("Apply the model-updates topic to the ranker; false serves a frozen model "
                    + "(for comparison) while still measuring its loss.");

    public static final ConfigOption<Integer> BATCH_SIZE = ConfigOptions.key("learning.batch-size")
            .intType()
            .defaultValue(32)
            .withDescription("Labelled examples aggregated into one model update per subtask.");

    public static final ConfigOption<Double> LEARNING_RATE = ConfigOptions.key("learning.learning-rate")
            .doubleType()
            .defaultValue(0.1)
            .withDescription("AdaGrad learning rate of the ranker.");

    public static final ConfigOption<Double> L2 = ConfigOptions.key("learning.l2")
            .doubleType()
            .defaultValue(1e-4)
            .withDescription("L2 regularisation of the ranker's weights towards their prior values: learning adds "
                    + "a residual to the prior ranker, and weights the feedback does not hold up drift back.");

    public static final ConfigOption<Double> ITEM_BIAS_LEARNING_RATE = ConfigOptions.key("learning.item-bias.learning-rate")
            .doubleType()
            .defaultValue(0.3)
            .withDescription("AdaGrad learning rate of the per-item score offsets learnt beside the shared weights "
                    + "(what users take of an item more or less often than its features predict), from the same "
                    + "examples and applied from the same model updates; L2 as learning.l2, towards 0. 0 learns none "
                    + "and the updates carry no item gradients.");

    public static final ConfigOption<Double> POSITIVE_MIN_RATING = ConfigOptions.key("learning.positive-min-rating")
            .doubleType()
            .defaultValue(ModelSettings.DEFAULT_POSITIVE_MIN_RATING)
            .withDescription("An interaction that carries a rating (1-5) below this is not learned from as a "
                    + "positive (e.g. 4: a film rated 2 was watched, not liked); interactions without a rating "
                    + "always are. 0: every interaction is a positive, which ranked better on ml-latest-small, "
                    + "where what a user watched but rated low still says what they watch next.");

    public static final ConfigOption<Integer> SAMPLED_NEGATIVES = ConfigOptions.key("learning.sampled-negatives")
            .intType()
            .defaultValue(2)
            .withDescription("Random catalogue items added as negatives to each labelled interaction.");

    /** The default of learning.popular-negatives: chosen on the tuning slice of ml-latest-small among 0, 16, 32. */
    public static final int DEFAULT_POPULAR_NEGATIVES = 16;

    public static final ConfigOption<Integer> POPULAR_NEGATIVES = ConfigOptions.key("learning.popular-negatives")
            .intType()
            .defaultValue(DEFAULT_POPULAR_NEGATIVES)
            .withDescription("Negatives drawn from the " + FeedbackLabeler.POPULAR_POOL + " most popular items now "
                    + "(decayed popularity), added to each labelled interaction beside the random ones: the taken "
                    + "item must beat what many users take, not only items nobody takes. Where users come back "
                    + "to the most popular items (the synthetic shop) they teach the ranker against what users "
                    + "take next; the serving gate (learning.gate.half-life) then keeps the prior weights "
                    + "serving (docs/evaluation.md).");

    public static final ConfigOption<Boolean> SHOWN_NEGATIVES = ConfigOptions.key("learning.shown-negatives")
            .booleanType()
            .defaultValue(true)
            .withDescription("Use items shown and not taken as negatives. Right when recommendations are "
                    + "really shown; turn off for offline replays, where nobody saw them and only sampled "
                    + "negatives are true labels.");

    public static final ConfigOption<Loss> LOSS = ConfigOptions.key("learning.loss")
            .enumType(Loss.class)
            .defaultValue(Loss.PAIRWISE)
            .withDescription("POINTWISE: log loss of each labelled item on its own (the score is calibrated as a "
                    + "probability). PAIRWISE: the item taken against each negative, log loss of their score "
                    + "difference (BPR): the ranker learns the order of items, which is what a list needs; the "
                    + "score is then a relative one. SOFTMAX: the item taken against a sample of the other "
                    + "candidates its request would have scored (learning.pool-sample), learnt only when it was "
                    + "among them: the ranker learns to order the pools it serves from (docs/evaluation.md).");

    public static final ConfigOption<Integer> POOL_SAMPLE = ConfigOptions.key("learning.pool-sample")
            .intType()
            .defaultValue(16)
            .withDescription("Under the SOFTMAX loss: how many of the other candidates of the request (drawn "
                    + "uniformly) the taken item is compared with.");

    public static final ConfigOption<Double> SHADOW_SAMPLE = ConfigOptions.key("recommend.shadow.sample")
            .doubleType()
            .defaultValue(0.05)
            .withDescription("Share of users (chosen by a hash of the user id) for whom the model recommender also "
                    + "ranks the list the baseline would serve, from the same item statistics and history, and scores "
                    + "both lists on the same takes: metrics quality.sampledModel.* and quality.sampledBaseline.* "
                    + "(see recommend.quality.window). 0 computes no shadow list.");

    public static final ConfigOption<Boolean> GUARD = ConfigOptions.key("recommend.guard")
            .booleanType()
            .defaultValue(false)
            .withDescription("When on, and the model's lists have held fewer of the sampled users' takes than the "
                    + "shadow baseline's by more than recommend.guard.margin for recommend.guard.duration of event "
                    + "time, every user is served the baseline's list (recommender \"baseline\" on the record, "
                    + "metric quality.servesBaseline 1, a warning in the log) until the model's lists are again at "
                    + "least as good for as long. Decided per subtask. Needs recommend.shadow.sample above 0.");

    public static final ConfigOption<Double> GUARD_MARGIN = ConfigOptions.key("recommend.guard.margin")
            .doubleType()
            .defaultValue(0.02)
            .withDescription("How far (absolute hit rate@10) the model's live hit rate must be below the shadow "
                    + "baseline's before recommend.guard counts it as worse.");

    public static final ConfigOption<Duration> GUARD_DURATION = ConfigOptions.key("recommend.guard.duration")
            .durationType()
            .defaultValue(Duration.ofMinutes(10))
            .withDescription("How long (event time) the model must stay worse before recommend.guard switches to the "
                    + "baseline, and at least as good before it switches back.");

    public static final ConfigOption<Integer> GUARD_MIN_PROBES = ConfigOptions.key("recommend.guard.min-probes")
            .intType()
            .defaultValue(200)
            .withDescription("Takes of sampled users each list must have been scored on before recommend.guard "
                    + "decides anything.");

    public static final ConfigOption<Boolean> TEST_REVERSE_GRADIENTS = ConfigOptions.key("learning.test.reverse-gradients")
            .booleanType()
            .defaultValue(false)
            .withDescription("For tests of the serving gate and recommend.guard only: every model update is published "
                    + "with its gradient negated, so the model learns the opposite of its feedback. Never set it in "
                    + "production.");

    public static final ConfigOption<Integer> GATE_HALF_LIFE = ConfigOptions.key("learning.gate.half-life")
            .intType()
            .defaultValue(5000)
            .withDescription("Serving gate: every list is ranked by the learned and by the prior weights, and each "
                    + "take that follows a list counts as a hit for the lists that held the item in their top 10; the learned "
                    + "weights serve only while their hits are at least the prior's, so learning cannot serve "
                    + "below the prior ranker. Hits are counted over the whole job (they travel with the model "
                    + "updates) and halve every this many takes. 0 turns the gate off: the learned weights always "
                    + "serve and no second ranking is computed.");

    public static final ConfigOption<Boolean> REBUILD_FROM_LOG = ConfigOptions.key("learning.rebuild-from-log")
            .booleanType()
            .defaultValue(true)
            .withDescription("Without a checkpoint, read the model-updates topic from the beginning, so a new job "
                    + "starts from the model the log describes; false starts from the prior weights.");

    public static final ConfigOption<IndexKind> INDEX = ConfigOptions.key("ranking.index")
            .enumType(IndexKind.class)
            .defaultValue(IndexKind.HNSW)
            .withDescription("Retrieval of the nearest items: EXACT scans every item vector (memory 4 bytes x "
                    + "dimension per item; about 1.5 ms per 10k items per request); HNSW searches a graph "
                    + "(jvector) once the catalogue holds at least ranking.index.approximate-above items, "
                    + "scanning exactly below that. The graph is rebuilt from broadcast state after a restore, "
                    + "on the first request (about 5 s per 10k items on one core).");

    public static final ConfigOption<Integer> APPROXIMATE_ABOVE = ConfigOptions.key("ranking.index.approximate-above")
            .intType()
            .defaultValue(5_000)
            .withDescription("With ranking.index HNSW: catalogue size from which retrieval uses the graph "
                    + "(0 = always, and no exact matrix is kept); smaller catalogues are scanned exactly.");

    public static final ConfigOption<Integer> SEARCH_BEAM = ConfigOptions.key("ranking.index.search-beam")
            .intType()
            .defaultValue(HnswIndex.DEFAULT_SEARCH_BEAM)
            .withDescription("With ranking.index HNSW: candidates kept while searching the graph (ef), at least "
                    + "ranking.candidates plus the user's exclusions. Wider finds more of the true nearest items "
                    + "at a lower rate: recall@100 0.975 at 10k items and 0.90 at 100k with 100, 0.999 and 0.96 "
                    + "with 200 at 0.6x the rate (docs/ranking.md); the ranker rescores every candidate.");
}
