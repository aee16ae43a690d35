package io.streamrec.eval.recommenders;

import io.streamrec.avro.Item;
import io.streamrec.avro.UserEvent;
import it.unimi.dsi.fastutil.ints.Int2FloatMap;
import it.unimi.dsi.fastutil.ints.Int2FloatMaps;
import it.unimi.dsi.fastutil.ints.Int2FloatOpenHashMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Streaming item-kNN: every new item a user touches pairs with the user's last {@code window} distinct
 * items; a user's candidates are the neighbours of their recent items, scored by cosine-normalised
 * co-occurrence (so blockbusters do not neighbour everything) and weighted towards the most recent.
 * Lists are filled up with all-time popularity when the neighbourhood is smaller than asked.
 */
public final class CoOccurrenceRecommender implements Recommender {
    private final int window;
    private final ItemIndex index = new ItemIndex();
    private final List<Int2FloatOpenHashMap> neighbours = new ArrayList<>();
    private float[] interactions = new float[1024];
    private final Map<String, List<Integer>> recentByUser = new HashMap<>();
    private final RankedCounts popularity = new RankedCounts();
    /** Scratch space for one probe; all zero between probes. */
    private float[] scores = new float[1024];

    public CoOccurrenceRecommender(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("the co-occurrence window must be at least 1, got " + window);
        }
        this.window = window;
    }

    @Override
    public String name() {
        return "cooccurrence";
    }

    @Override
    public void addItems(List<Item> items) {}

    @Override
    public void observe(UserEvent event) {
        if (event.getItemId() == null) {
            return;
        }
        popularity.add(event.getItemId(), 1);
        int item = index.indexOf(event.getItemId());
        while (neighbours.size() <= item) {
            neighbours.add(new Int2FloatOpenHashMap());
        }
        if (item >= interactions.length) {
            interactions = java.util.Arrays.copyOf(interactions, interactions.length * 2);
        }
        List<Integer> recent = recentByUser.computeIfAbsent(event.getUserId(), u -> new ArrayList<>());
        int at = recent.indexOf(item);
        if (at >= 0) {
            // Seen again (e.g. the purchase after the view): more recent now, but not a new pair.
            recent.remove(at);
        } else {
            interactions[item]++;
            for (int other : recent) {
                neighbours.get(item).addTo(other, 1);
                neighbours.get(other).addTo(item, 1);
            }
        }
        recent.add(0, item);
        if (recent.size() > window) {
            recent.remove(recent.size() - 1);
        }
    }

    @Override
    public List<String> recommend(String userId, long eventTimeMillis, int howMany) {
        List<Integer> recent = recentByUser.getOrDefault(userId, List.of());
        if (scores.length < index.size()) {
            scores = new float[Math.max(index.size(), scores.length * 2)];
        }
        List<Integer> touched = new ArrayList<>();
        for (int p = 0; p < recent.size(); p++) {
            int source = recent.get(p);
            double weight = 1.0 / Math.sqrt(1 + p);
            double sourceCount = interactions[source];
            for (Int2FloatMap.Entry e : Int2FloatMaps.fastIterable(neighbours.get(source))) {
                int candidate = e.getIntKey();
                if (scores[candidate] == 0) {
                    touched.add(candidate);
                }
                double together = e.getFloatValue();
                scores[candidate] += (float) (weight * together / Math.sqrt(sourceCount * interactions[candidate]));
            }
        }
        TopK best = new TopK(howMany);
        for (int candidate : touched) {
            best.offer(candidate, scores[candidate]);
            scores[candidate] = 0;
        }
        List<String> ranked = new ArrayList<>(howMany);
        Set<String> listed = new HashSet<>();
        for (int i : best.best()) {
            ranked.add(index.idOf(i));
            listed.add(index.idOf(i));
        }
        for (String item : popularity.top(howMany + listed.size())) {
            if (ranked.size() >= howMany) {
                break;
            }
            if (listed.add(item)) {
                ranked.add(item);
            }
        }
        return ranked;
    }
}
