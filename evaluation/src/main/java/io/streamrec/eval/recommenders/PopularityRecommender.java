package io.streamrec.eval.recommenders;

import io.streamrec.avro.Item;
import io.streamrec.avro.UserEvent;
import java.util.List;

/** All-time popularity: the items with the most interactions (any type) so far, the same list for everyone. */
public final class PopularityRecommender implements Recommender {
    private final RankedCounts counts = new RankedCounts();

    @Override
    public String name() {
        return "popularity";
    }

    @Override
    public void addItems(List<Item> items) {}

    @Override
    public List<String> recommend(String userId, long eventTimeMillis, int howMany) {
        return counts.top(howMany);
    }

    @Override
    public void observe(UserEvent event) {
        if (event.getItemId() != null) {
            counts.add(event.getItemId(), 1);
        }
    }
}
