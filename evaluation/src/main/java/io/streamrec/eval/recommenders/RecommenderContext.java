package io.streamrec.eval.recommenders;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What recommenders may be configured from: the list depth the replay asks for, the baselines' knobs
 * and the (lazily opened) text encoder, which only the text recommenders touch.
 *
 * @param maxCandidates most items the replay asks for in one probe (top-N plus the user's seen items, capped)
 * @param recentWindow the sliding window of the recent-popularity baseline, in event time
 * @param coOccurrenceWindow how many of a user's recent items pair with a new one in the co-occurrence baseline
 * @param popularityHalfLife the half-life of the decayed-popularity baseline, in event time
 * @param onlineMf the online matrix factorisation baseline's settings
 * @param seed seed of the random and online-MF baselines
 * @param textEncoder opens the sentence encoder on first use
 * @param jobOptions options of the job's recommenders given on the command line
 */
public record RecommenderContext(
        int maxCandidates,
        Duration recentWindow,
        int coOccurrenceWindow,
        Duration popularityHalfLife,
        OnlineMatrixFactorisation.Settings onlineMf,
        long seed,
        Supplier<TextEncoder> textEncoder,
        Map<String, String> jobOptions) {

    /** Chosen on the tuning slice of ml-latest-small (docs/evaluation.md). */
    public static final Duration DEFAULT_POPULARITY_HALF_LIFE = Duration.ofDays(365);

    public static RecommenderContext defaults(Supplier<TextEncoder> textEncoder) {
        return new RecommenderContext(1000, Duration.ofDays(7), 20, DEFAULT_POPULARITY_HALF_LIFE,
                OnlineMatrixFactorisation.Settings.defaults(), 42L, textEncoder, Map.of());
    }

    /** A job recommender's own defaults with the command line's job options over them. */
    public Map<String, String> jobOptionsOver(Map<String, String> recommenderDefaults) {
        Map<String, String> merged = new HashMap<>(recommenderDefaults);
        merged.putAll(jobOptions);
        return merged;
    }
}
