package io.streamrec.bench.ranking;

import io.streamrec.state.ItemVector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A synthetic catalogue of unit vectors clustered by category: each item is its category's random
 * direction plus Gaussian noise, so that nearest neighbours mostly share a category as real embeddings do.
 */
final class ClusteredCatalogue {
    /** The synthetic data's clock: items were updated in the 30 days before, users' events come after. */
    static final long T0 = Instant.parse("2024-06-01T00:00:00Z").toEpochMilli();

    final int categories;
    final Map<String, ItemVector> items;
    final List<String> ids;
    final List<List<String>> byCategory = new ArrayList<>();
    /** Heap the items took, measured around their creation. */
    final long heapBytes;

    ClusteredCatalogue(int size, int dim) {
        categories = Math.max(20, Math.min(500, size / 200));
        float[][] directions = new float[categories][];
        SplittableRandom r = new SplittableRandom(17);
        for (int c = 0; c < categories; c++) {
            directions[c] = unit(gaussian(r, dim, 1f));
        }
        long heap0 = RankingBenchmark.usedHeap();
        items = new HashMap<>(size * 2);
        ids = new ArrayList<>(size);
        for (int c = 0; c < categories; c++) {
            byCategory.add(new ArrayList<>());
        }
        float noise = 0.9f / (float) Math.sqrt(dim);
        for (int i = 0; i < size; i++) {
            int c = r.nextInt(categories);
            float[] v = directions[c].clone();
            for (int d = 0; d < dim; d++) {
                v[d] += noise * (float) r.nextGaussian();
            }
            ItemVector iv = new ItemVector();
            iv.itemId = "i" + i;
            iv.title = "Item " + i;
            iv.category = "cat" + c;
            iv.updatedAt = T0 - r.nextLong(30L * 86_400_000L);
            iv.text = unit(v);
            items.put(iv.itemId, iv);
            ids.add(iv.itemId);
            byCategory.get(c).add(iv.itemId);
        }
        heapBytes = RankingBenchmark.usedHeap() - heap0;
    }

    private static float[] gaussian(SplittableRandom r, int dim, float scale) {
        float[] v = new float[dim];
        for (int d = 0; d < dim; d++) {
            v[d] = scale * (float) r.nextGaussian();
        }
        return v;
    }

    private static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        float inv = (float) (1 / Math.sqrt(n));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }
}
