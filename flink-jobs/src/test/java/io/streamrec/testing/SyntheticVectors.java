package io.streamrec.testing;

import io.streamrec.avro.Item;
import io.streamrec.events.ItemUpdate;
import io.streamrec.state.ItemVector;
import io.streamrec.vectors.Vectors;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/** Item vectors with planted structure: items of a category lie near that category's direction. */
public final class SyntheticVectors {
    public static final int DIM = 32;
    public static final long T0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    private SyntheticVectors() {}

    public static float[] categoryDirection(int category) {
        Random r = new Random(1000 + category);
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return Vectors.normalized(v);
    }

    public static ItemVector item(String id, int category, long seed) {
        Random r = new Random(seed);
        float[] v = categoryDirection(category).clone();
        for (int i = 0; i < DIM; i++) {
            v[i] += 0.35f * (float) r.nextGaussian() / (float) Math.sqrt(DIM);
        }
        Item item = Item.newBuilder().setItemId(id).setTitle("Item " + id).setCategories(List.of("cat" + category))
                .setUpdatedAt(Instant.ofEpochMilli(T0)).build();
        return ItemVector.of(item, Vectors.normalized(v));
    }

    public static ItemUpdate update(ItemVector v) {
        return new ItemUpdate(v.itemId, null);
    }
}
