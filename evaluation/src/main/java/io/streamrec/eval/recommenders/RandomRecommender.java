package io.streamrec.eval.recommenders;

import io.streamrec.avro.Item;
import io.streamrec.avro.UserEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Random items from the catalogue, seeded: the floor every recommender must clear. */
public final class RandomRecommender implements Recommender {
    private final Random random;
    private final List<String> catalogue = new ArrayList<>();
    private final Map<String, Integer> known = new HashMap<>();

    public RandomRecommender(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public void addItems(List<Item> items) {
        for (Item item : items) {
            if (known.putIfAbsent(item.getItemId(), catalogue.size()) == null) {
                catalogue.add(item.getItemId());
            }
        }
    }

    @Override
    public List<String> recommend(String userId, long eventTimeMillis, int howMany) {
        int n = Math.min(howMany, catalogue.size());
        Set<String> picked = new LinkedHashSet<>();
        // Rejection sampling is fast while n is small against the catalogue; fall back to a shuffle otherwise.
        if (n * 2 > catalogue.size()) {
            List<String> shuffled = new ArrayList<>(catalogue);
            java.util.Collections.shuffle(shuffled, random);
            return shuffled.subList(0, n);
        }
        while (picked.size() < n) {
            picked.add(catalogue.get(random.nextInt(catalogue.size())));
        }
        return new ArrayList<>(picked);
    }

    @Override
    public void observe(UserEvent event) {}
}
