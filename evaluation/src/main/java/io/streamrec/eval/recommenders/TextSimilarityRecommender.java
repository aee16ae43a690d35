package io.streamrec.eval.recommenders;

import io.streamrec.avro.Item;
import io.streamrec.avro.UserEvent;
import io.streamrec.state.ItemVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Text only: each item is encoded once when it enters the catalogue, from the same text as the job's
 * model ({@link ItemVector#textOf}: title, description and categories), in batches; a user is the mean of the vectors of the items they touched; items are ranked by the dot
 * product with that mean (the cosine up to the user's norm, which does not change the order). Knows
 * nothing of other users, so it shows what the text alone is worth.
 */
public final class TextSimilarityRecommender implements Recommender {
    private final TextEncoder encoder;
    private final ItemIndex index = new ItemIndex();
    /** Item vectors back to back (row = item index), so scoring streams through one array. */
    private float[] matrix = new float[0];
    private boolean[] encoded = new boolean[0];
    private int dimension;
    private final Map<String, UserProfile> users = new HashMap<>();

    private static final class UserProfile {
        final Set<Integer> items = new HashSet<>();
        float[] sum;
    }

    /** {@code encoder} is shared; whoever opened it closes it. */
    public TextSimilarityRecommender(TextEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public String name() {
        return "text";
    }

    @Override
    public void addItems(List<Item> items) {
        if (items.isEmpty()) {
            return;
        }
        float[][] vectors = encoder.encode(items.stream().map(ItemVector::textOf).toList());
        if (dimension == 0) {
            dimension = vectors[0].length;
        }
        for (int i = 0; i < items.size(); i++) {
            int item = index.indexOf(items.get(i).getItemId());
            if (item >= encoded.length) {
                int capacity = Math.max(item + 1, encoded.length * 2);
                encoded = Arrays.copyOf(encoded, capacity);
                matrix = Arrays.copyOf(matrix, capacity * dimension);
            }
            System.arraycopy(vectors[i], 0, matrix, item * dimension, dimension);
            encoded[item] = true;
        }
    }

    @Override
    public void observe(UserEvent event) {
        int item = event.getItemId() == null ? -1 : index.find(event.getItemId());
        if (item < 0 || !encoded[item]) {
            return;
        }
        UserProfile user = users.computeIfAbsent(event.getUserId(), u -> new UserProfile());
        if (!user.items.add(item)) {
            return;
        }
        if (user.sum == null) {
            user.sum = new float[dimension];
        }
        for (int d = 0; d < dimension; d++) {
            user.sum[d] += matrix[item * dimension + d];
        }
    }

    @Override
    public List<String> recommend(String userId, long eventTimeMillis, int howMany) {
        UserProfile user = users.get(userId);
        if (user == null || user.sum == null) {
            return List.of();
        }
        TopK best = new TopK(howMany);
        for (int item = 0; item < index.size(); item++) {
            if (encoded[item]) {
                best.offer(item, dot(user.sum, matrix, item * dimension));
            }
        }
        List<String> ranked = new ArrayList<>(howMany);
        for (int i : best.best()) {
            ranked.add(index.idOf(i));
        }
        return ranked;
    }

    /** Four accumulators: the JIT does not vectorise a float reduction, but it pipelines these. */
    static float dot(float[] a, float[] b, int offset) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int d = 0;
        for (; d + 3 < a.length; d += 4) {
            s0 += a[d] * b[offset + d];
            s1 += a[d + 1] * b[offset + d + 1];
            s2 += a[d + 2] * b[offset + d + 2];
            s3 += a[d + 3] * b[offset + d + 3];
        }
        for (; d < a.length; d++) {
            s0 += a[d] * b[offset + d];
        }
        return s0 + s1 + s2 + s3;
    }
}
