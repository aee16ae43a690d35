package io.streamrec.eval.protocol;

/**
 * How the replay scores.
 *
 * @param topN the served list length (HR, NDCG and MRR are at this N; coverage counts these items)
 * @param depth how deep lists are kept after filtering, for HR@K up to K = depth (at least top-N)
 * @param maxCandidates the most items asked of a recommender in one probe: depth plus the user's seen
 *     items (which are filtered out), capped here
 * @param warmUpFraction the first share of the events that only trains
 * @param heldOutFraction the last share of the events that is held out and reported
 * @param coldStartInteractions an item with fewer earlier interactions than this is cold
 * @param newUserEvents a user with fewer earlier events than this is new
 */
public record ReplaySettings(int topN, int depth, int maxCandidates, double warmUpFraction, double heldOutFraction,
        int coldStartInteractions, int newUserEvents) {

    public static final int DEFAULT_DEPTH = 50;

    public ReplaySettings {
        if (topN < 1 || depth < topN || maxCandidates < depth) {
            throw new IllegalArgumentException("need 1 <= top-n (" + topN + ") <= depth (" + depth
                    + ") <= max candidates (" + maxCandidates + ")");
        }
    }

    public static ReplaySettings defaults(int topN) {
        int depth = Math.max(DEFAULT_DEPTH, topN);
        return new ReplaySettings(topN, depth, Math.max(1000, depth), 0.1, 0.2, 5, 5);
    }
}
