package io.streamrec.eval.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/** How many positive events there were, and why those not scored were left out. */
public final class ProbeCounts {
    public long positives;
    public long scored;
    public long scoredHeldOut;
    public long skippedWarmUp;
    public long skippedNoHistory;
    public long skippedAlreadySeen;
    public long skippedNotInCatalogue;

    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("positives", positives);
        m.put("scored", scored);
        m.put("scored_heldout", scoredHeldOut);
        m.put("skipped_warm_up", skippedWarmUp);
        m.put("skipped_no_history", skippedNoHistory);
        m.put("skipped_item_already_seen", skippedAlreadySeen);
        m.put("skipped_item_not_in_catalogue", skippedNotInCatalogue);
        return m;
    }
}
