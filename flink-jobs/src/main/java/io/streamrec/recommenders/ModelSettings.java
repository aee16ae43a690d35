package io.streamrec.recommenders;

import io.streamrec.learning.Loss;
import io.streamrec.ranking.Exploration;
import io.streamrec.retrieval.IndexKind;
import java.io.Serializable;

/** Options of the model recommender, read once on the client ({@code io.streamrec.config.Settings}) and shipped with the job. */
public final class ModelSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public final RecommenderSettings common;
    public final int candidates;
    public final int coOccurringCandidates;
    /** Recent items whose co-occurrences make the co-occurrence feature and candidates. */
    public final int coOccurrenceRecentItems;
    public final double coOccurrenceRecencyExponent;
    /** ranking.co-occurrence.transitions: the weight of what users took next after a recent item. */
    public final double coOccurrenceTransitions;
    /** The default of ranking.co-occurrence.transition-window. */
    public static final int DEFAULT_TRANSITION_WINDOW = 5;
    /** How many of a user's previous items count a transition to the next one (when transitions weigh above 0). */
    public final int transitionWindow;
    public final float reuseCosine;
    public final int reuseUsers;
    public final int maxPerCategory;
    public final long sessionGapMillis;
    public final long interestHalfLifeMillis;
    public final long intentHalfLifeMillis;
    public final boolean learningEnabled;
    public final boolean applyUpdates;
    public final int batchSize;
    public final double learningRate;
    public final double l2;
    /** learning.item-bias.learning-rate: AdaGrad rate of the per-item offsets; 0 learns none. */
    public final double itemBiasLearningRate;
    /**
     * The default of learning.positive-min-rating: every rated interaction is a positive. Learning only from
     * ratings of 4 and 5 was worse on the tuning slice of ml-latest-small (docs/evaluation.md).
     */
    public static final double DEFAULT_POSITIVE_MIN_RATING = 0.0;
    /** learning.positive-min-rating: a rated interaction below it is not a positive. */
    public final double positiveMinRating;
    public final int sampledNegatives;
    public final boolean shownNegatives;
    public final int popularNegatives;
    public final Loss loss;
    /** learning.pool-sample: candidates the taken item is compared with under the softmax loss. */
    public final int poolSample;
    /** Takes over which the serving gate's counts halve; 0: no gate, the learned weights always serve. */
    public final int gateHalfLife;
    public final String jobName;
    public final IndexKind index;
    public final int approximateAbove;
    public final int searchBeam;
    public final Exploration exploration;
    public final ShadowBaseline.Settings shadow;
    /** learning.test.reverse-gradients: a model broken on purpose, for tests of the gate and the guard. */
    public final boolean reverseGradients;

    public ModelSettings(RecommenderSettings common, int candidates, int coOccurringCandidates, int coOccurrenceRecentItems,
            double coOccurrenceRecencyExponent, double coOccurrenceTransitions, int transitionWindow, float reuseCosine, int
            reuseUsers, int maxPerCategory, long sessionGapMillis, long interestHalfLifeMillis, long
            intentHalfLifeMillis, boolean learningEnabled, boolean applyUpdates, int batchSize, double
            learningRate, double l2, double itemBiasLearningRate, double positiveMinRating, int sampledNegatives, boolean shownNegatives, int popularNegatives, Loss loss, int poolSample, int gateHalfLife, String jobName,
            IndexKind index, int approximateAbove, int searchBeam, Exploration exploration,
            ShadowBaseline.Settings shadow, boolean reverseGradients) {
        this.common = common;
        this.candidates = candidates;
        this.coOccurringCandidates = coOccurringCandidates;
        this.coOccurrenceRecentItems = coOccurrenceRecentItems;
        this.coOccurrenceRecencyExponent = coOccurrenceRecencyExponent;
        this.coOccurrenceTransitions = coOccurrenceTransitions;
        this.transitionWindow = transitionWindow;
        this.reuseCosine = reuseCosine;
        this.reuseUsers = reuseUsers;
        this.maxPerCategory = maxPerCategory;
        this.sessionGapMillis = sessionGapMillis;
        this.interestHalfLifeMillis = interestHalfLifeMillis;
        this.intentHalfLifeMillis = intentHalfLifeMillis;
        this.learningEnabled = learningEnabled;
        this.applyUpdates = applyUpdates;
        this.batchSize = batchSize;
        this.learningRate = learningRate;
        this.l2 = l2;
        this.itemBiasLearningRate = itemBiasLearningRate;
        this.positiveMinRating = positiveMinRating;
        this.sampledNegatives = sampledNegatives;
        this.shownNegatives = shownNegatives;
        this.popularNegatives = popularNegatives;
        this.loss = loss;
        this.poolSample = poolSample;
        this.gateHalfLife = gateHalfLife;
        this.jobName = jobName;
        this.index = index;
        this.approximateAbove = approximateAbove;
        this.searchBeam = searchBeam;
        this.exploration = exploration;
        this.shadow = shadow;
        this.reverseGradients = reverseGradients;
    }
}
