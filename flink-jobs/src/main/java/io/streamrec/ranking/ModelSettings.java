package io.streamrec.ranking;

import io.streamrec.config.JobOptions;
import io.streamrec.config.ModelOptions;
import io.streamrec.recommend.RecommenderSettings;
import java.io.Serializable;
import org.apache.flink.configuration.ReadableConfig;

/** Options of the model recommender, read once on the client and shipped with the function. */
public final class ModelSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public final RecommenderSettings common;
    public final int candidates;
    public final int coOccurringCandidates;
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
    public final int sampledNegatives;
    public final boolean shownNegatives;
    public final ModelOptions.Loss loss;
    public final String jobName;
    public final ModelOptions.IndexKind index;
    public final int approximateAbove;
    public final int searchBeam;
    public final Exploration exploration;

    public ModelSettings(ReadableConfig config) {
        this.common = new RecommenderSettings(config);
        this.candidates = config.get(ModelOptions.CANDIDATES);
        this.coOccurringCandidates = config.get(ModelOptions.CANDIDATES_CO_OCCURRING);
        this.reuseCosine = config.get(ModelOptions.CANDIDATES_REUSE_COSINE).floatValue();
        this.reuseUsers = config.get(ModelOptions.CANDIDATES_REUSE_USERS);
        this.maxPerCategory = config.get(ModelOptions.MAX_PER_CATEGORY);
        this.sessionGapMillis = config.get(ModelOptions.SESSION_GAP).toMillis();
        this.interestHalfLifeMillis = config.get(ModelOptions.INTEREST_HALF_LIFE).toMillis();
        this.intentHalfLifeMillis = config.get(ModelOptions.INTENT_HALF_LIFE).toMillis();
        this.learningEnabled = config.get(ModelOptions.LEARNING_ENABLED);
        this.applyUpdates = config.get(ModelOptions.APPLY_UPDATES);
        this.batchSize = config.get(ModelOptions.BATCH_SIZE);
        this.learningRate = config.get(ModelOptions.LEARNING_RATE);
        this.l2 = config.get(ModelOptions.L2);
        this.sampledNegatives = config.get(ModelOptions.SAMPLED_NEGATIVES);
        this.shownNegatives = config.get(ModelOptions.SHOWN_NEGATIVES);
        this.loss = config.get(ModelOptions.LOSS);
        this.jobName = config.get(JobOptions.JOB_NAME);
        this.index = config.get(ModelOptions.INDEX);
        this.approximateAbove = config.get(ModelOptions.APPROXIMATE_ABOVE);
        this.searchBeam = config.get(ModelOptions.SEARCH_BEAM);
        try {
            this.exploration = new Exploration(config.get(ModelOptions.EXPLORATION_SLOTS),
                    config.get(ModelOptions.EXPLORATION_RANK), config.get(ModelOptions.EXPLORATION_WINDOW).toMillis());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid ranking.exploration.* options: " + e.getMessage(), e);
        }
        if (batchSize <= 0 || candidates <= 0) {
            throw new IllegalArgumentException(ModelOptions.BATCH_SIZE.key() + " and " + ModelOptions.CANDIDATES.key()
                    + " must be positive");
        }
        if (coOccurringCandidates < 0) {
            throw new IllegalArgumentException(ModelOptions.CANDIDATES_CO_OCCURRING.key() + " must not be negative");
        }
        if (searchBeam < 1) {
            throw new IllegalArgumentException(ModelOptions.SEARCH_BEAM.key() + " must be positive");
        }
        if (approximateAbove < 0) {
            throw new IllegalArgumentException(ModelOptions.APPROXIMATE_ABOVE.key() + " must not be negative");
        }
    }
}
