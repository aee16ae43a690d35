package io.streamrec.learning;

/**
 * Serves the learned weights only while they do at least as well as the prior ones, so that learning can
 * add to the prior ranker but never serve below it. Every list is ranked by both weight vectors; a take
 * that follows a list counts as a hit for each of the two lists that held the item in its top {@link #DEPTH}. The counts reach
 * every replica through the model's log ({@link io.streamrec.avro.ModelUpdate}) and decay with a half-life
 * counted in takes, so all replicas make the same choice and a model that turns bad is noticed.
 */
public class ServingGate {
    /** A take is a hit for a list that held it among its first this many items (the usual top 10). */
    public static final int DEPTH = 10;

    /** Decayed number of takes that followed a served list. */
    public double takes;
    /** Decayed number of those in the learned weights' top 10. */
    public double learnedHits;
    /** Decayed number of those in the prior weights' top 10. */
    public double priorHits;

    public ServingGate() {}

    /** Adds an update's counts, after decaying the older ones by {@code 0.5^(takes / halfLife)}. */
    public void record(int newTakes, int newLearnedHits, int newPriorHits, int halfLife) {
        if (halfLife <= 0 || newTakes <= 0) {
            return;
        }
        double keep = Math.pow(0.5, newTakes / (double) halfLife);
        takes = takes * keep + newTakes;
        learnedHits = learnedHits * keep + newLearnedHits;
        priorHits = priorHits * keep + newPriorHits;
    }

    /** Whether the learned weights serve: as many hits as the prior's, or more (so also before any take). */
    public boolean servesLearned() {
        return learnedHits >= priorHits;
    }

    /** Hit rate of the learned weights' lists over the decayed takes (0 before any). */
    public double learnedHitRate() {
        return takes == 0 ? 0 : learnedHits / takes;
    }

    /** Hit rate of the prior weights' lists over the decayed takes (0 before any). */
    public double priorHitRate() {
        return takes == 0 ? 0 : priorHits / takes;
    }
}
