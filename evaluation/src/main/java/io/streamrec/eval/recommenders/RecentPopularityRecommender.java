package io.streamrec.eval.recommenders;

import io.streamrec.avro.Item;
import io.streamrec.avro.UserEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Recent popularity: interactions within a sliding event-time window (e.g. the last 7 days). A quiet
 * window holds few items, so the list is filled up with all-time popularity; otherwise the baseline
 * would lose on list length rather than on what it knows.
 */
public final class RecentPopularityRecommender implements Recommender {
    private record Interaction(long time, String itemId) {}

    private final long windowMillis;
    private final RankedCounts recent = new RankedCounts();
    private final RankedCounts allTime = new RankedCounts();
    private final ArrayDeque<Interaction> inWindow = new ArrayDeque<>();

    public RecentPopularityRecommender(Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the recent-popularity window must be positive, got " + window);
        }
        this.windowMillis = window.toMillis();
    }

    @Override
    public String name() {
        return "recent-popularity";
    }

    @Override
    public void addItems(List<Item> items) {}

    @Override
    public List<String> recommend(String userId, long eventTimeMillis, int howMany) {
        List<String> top = new ArrayList<>(recent.top(howMany));
        if (top.size() < howMany) {
            Set<String> listed = new HashSet<>(top);
            for (String item : allTime.top(howMany + listed.size())) {
                if (top.size() == howMany) {
                    break;
                }
                if (listed.add(item)) {
                    top.add(item);
                }
            }
        }
        return top;
    }

    @Override
    public void observe(UserEvent event) {
        long now = event.getEventTime().toEpochMilli();
        // Expiry follows the events observed, never a probe: a probe must not change state.
        while (!inWindow.isEmpty() && inWindow.peekFirst().time() <= now - windowMillis) {
            recent.add(inWindow.pollFirst().itemId(), -1);
        }
        if (event.getItemId() != null) {
            inWindow.addLast(new Interaction(now, event.getItemId()));
            recent.add(event.getItemId(), 1);
            allTime.add(event.getItemId(), 1);
        }
    }
}
