package io.streamrec.eval.recommenders;

import io.streamrec.avro.Item;
import io.streamrec.avro.UserEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Time-aware popularity: every interaction counts {@code 2^(-age / half-life)}, so what is popular now
 * outranks what was popular long ago without a hard window. The same for every user.
 */
public final class DecayedPopularityRecommender implements Recommender {
    private final double halfLifeMillis;
    private final ItemIndex index = new ItemIndex();
    /**
     * Each item's count as {@code log2(sum of 2^((t - origin) / half-life))} over its interactions: the order
     * of these is the order of the decayed counts at any moment, and no count under- or overflows however
     * long the timeline.
     */
    private double[] logCounts = new double[1024];
    private long origin = Long.MIN_VALUE;

    public DecayedPopularityRecommender(Duration halfLife) {
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("the popularity half-life must be positive, got " + halfLife);
        }
        this.halfLifeMillis = halfLife.toMillis();
    }

    @Override
    public String name() {
        return "decayed-popularity";
    }

    @Override
    public void addItems(List<Item> items) {}

    @Override
    public void observe(UserEvent event) {
        if (event.getItemId() == null) {
            return;
        }
        long time = event.getEventTime().toEpochMilli();
        if (origin == Long.MIN_VALUE) {
            origin = time;
        }
        int before = index.size();
        int item = index.indexOf(event.getItemId());
        if (item >= logCounts.length) {
            logCounts = Arrays.copyOf(logCounts, logCounts.length * 2);
        }
        double added = (time - origin) / halfLifeMillis;
        if (item == before) {
            logCounts[item] = added;
        } else {
            double high = Math.max(logCounts[item], added);
            double low = Math.min(logCounts[item], added);
            logCounts[item] = high + Math.log1p(Math.pow(2, low - high)) / Math.log(2);
        }
    }

    @Override
    public List<String> recommend(String userId, long eventTimeMillis, int howMany) {
        TopK best = new TopK(howMany);
        for (int i = 0; i < index.size(); i++) {
            best.offer(i, logCounts[i]);
        }
        List<String> ranked = new ArrayList<>(howMany);
        for (int i : best.best()) {
            ranked.add(index.idOf(i));
        }
        return ranked;
    }
}
