package io.streamrec.retrieval;

import io.github.jbellis.jvector.graph.RandomAccessVectorValues;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;
import io.streamrec.vectors.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The items of an {@link HnswIndex} by graph ordinal: each ordinal's vector and id, and the live items as a
 * dense list of rows. A graph node never changes its vector, so replacing an item's vector gives it a new
 * ordinal and leaves a hole at the old one; {@link #compact} renumbers the live items densely once the graph
 * that referred to the holes is gone.
 *
 * <p>Vectors are kept by reference, not copied (the caller must not change an array it has put). Not
 * thread-safe.
 */
final class GraphVectors {
    private static final VectorTypeSupport VTS = VectorizationProvider.getInstance().getVectorTypeSupport();

    private final int dimension;
    /** Ordinal -> jvector's vector (what the graph builder reads), the same as a plain array, and the id. */
    private VectorFloat<?>[] vectors = new VectorFloat<?>[1024];
    private float[][] arrays = new float[1024][];
    private String[] idOf = new String[1024];
    private int nextOrdinal;
    private int holes;

    /** Live items: ordinal in the graph and row in the dense id list. */
    private final Map<String, Slot> slots = new HashMap<>();
    private final List<String> ids = new ArrayList<>();
    private final RandomAccessVectorValues view = new View();

    private static final class Slot {
        int ordinal;
        int row;

        Slot(int ordinal, int row) {
            this.ordinal = ordinal;
            this.row = row;
        }
    }

    GraphVectors(int dimension) {
        this.dimension = dimension;
    }

    /** Live items. */
    int size() {
        return ids.size();
    }

    boolean contains(String id) {
        return slots.containsKey(id);
    }

    /** The id at {@code row} of the dense list of live items. */
    String idAt(int row) {
        return ids.get(row);
    }

    /** Ordinals that no longer hold a live item. */
    int holes() {
        return holes;
    }

    /** The id at {@code ordinal}; null for a hole. */
    String idOf(int ordinal) {
        return idOf[ordinal];
    }

    boolean live(int ordinal) {
        return ordinal < nextOrdinal && idOf[ordinal] != null;
    }

    /** The vector at {@code ordinal}, as put. */
    float[] array(int ordinal) {
        return arrays[ordinal];
    }

    /** The ordinal of {@code id}, -1 when it is not in the index. */
    int ordinalOf(String id) {
        Slot slot = slots.get(id);
        return slot == null ? -1 : slot.ordinal;
    }

    /**
     * Gives {@code id} a new ordinal holding {@code vector} and returns it; the id's previous ordinal, if any,
     * becomes a hole (the caller marks it deleted in the graph first).
     */
    int put(String id, float[] vector) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("vector of " + id + " has dimension " + vector.length
                    + ", the index holds " + dimension);
        }
        Slot slot = slots.get(id);
        if (slot == null) {
            slot = new Slot(-1, ids.size());
            ids.add(id);
            slots.put(id, slot);
        } else {
            hole(slot.ordinal);
        }
        slot.ordinal = append(id, vector);
        return slot.ordinal;
    }

    /** Removes {@code id} and returns the ordinal it leaves as a hole, -1 when it was not there. */
    int remove(String id) {
        Slot slot = slots.remove(id);
        if (slot == null) {
            return -1;
        }
        hole(slot.ordinal);
        int last = ids.size() - 1;
        if (slot.row != last) {
            String moved = ids.get(last);
            ids.set(slot.row, moved);
            slots.get(moved).row = slot.row;
        }
        ids.remove(last);
        return slot.ordinal;
    }

    /** Renumbers the live items densely (ordinal = row): only while no graph refers to the old ordinals. */
    void compact() {
        VectorFloat<?>[] v = new VectorFloat<?>[Math.max(1024, ids.size() * 2)];
        float[][] a = new float[v.length][];
        String[] o = new String[v.length];
        for (int row = 0; row < ids.size(); row++) {
            Slot slot = slots.get(ids.get(row));
            v[row] = vectors[slot.ordinal];
            a[row] = arrays[slot.ordinal];
            o[row] = ids.get(row);
            slot.ordinal = row;
        }
        vectors = v;
        arrays = a;
        idOf = o;
        nextOrdinal = ids.size();
        holes = 0;
    }

    /** jvector's view of the vectors by ordinal (holes included); grows with the store. */
    RandomAccessVectorValues graphView() {
        return view;
    }

    private int append(String id, float[] vector) {
        if (nextOrdinal == vectors.length) {
            vectors = Arrays.copyOf(vectors, vectors.length * 2);
            arrays = Arrays.copyOf(arrays, arrays.length * 2);
            idOf = Arrays.copyOf(idOf, idOf.length * 2);
        }
        vectors[nextOrdinal] = VTS.createFloatVector(vector);
        arrays[nextOrdinal] = vector;
        idOf[nextOrdinal] = id;
        return nextOrdinal++;
    }

    private void hole(int ordinal) {
        idOf[ordinal] = null;
        holes++;
    }

    private final class View implements RandomAccessVectorValues {
        @Override
        public int size() {
            return nextOrdinal;
        }

        @Override
        public int dimension() {
            return dimension;
        }

        @Override
        public VectorFloat<?> getVector(int ordinal) {
            return vectors[ordinal];
        }

        @Override
        public boolean isValueShared() {
            return false;
        }

        @Override
        public RandomAccessVectorValues copy() {
            return this;
        }
    }
}
