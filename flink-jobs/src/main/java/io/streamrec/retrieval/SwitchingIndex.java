package io.streamrec.retrieval;

import java.util.List;
import java.util.function.Predicate;

/**
 * The exact index below {@code approximateAbove} items, the approximate one from there on. Both receive
 * every put and remove; the approximate one builds its graph only when it is first queried, so below the
 * threshold it costs the id maps and one reference per vector. {@link #idAt} is the exact index's, so
 * sampling does not depend on the graph.
 */
public final class SwitchingIndex implements VectorIndex {
    private final ExactIndex exact;
    private final VectorIndex approximate;
    private final int approximateAbove;

    public SwitchingIndex(ExactIndex exact, VectorIndex approximate, int approximateAbove) {
        if (exact.dimension() != approximate.dimension()) {
            throw new IllegalArgumentException("dimensions differ: " + exact.dimension() + " and "
                    + approximate.dimension());
        }
        this.exact = exact;
        this.approximate = approximate;
        this.approximateAbove = approximateAbove;
    }

    /** Whether queries go to the approximate index now. */
    public boolean approximating() {
        return exact.size() >= approximateAbove;
    }

    public ExactIndex exact() {
        return exact;
    }

    public VectorIndex approximate() {
        return approximate;
    }

    @Override
    public int dimension() {
        return exact.dimension();
    }

    @Override
    public int size() {
        return exact.size();
    }

    @Override
    public boolean contains(String id) {
        return exact.contains(id);
    }

    @Override
    public String idAt(int row) {
        return exact.idAt(row);
    }

    @Override
    public void put(String id, float[] vector) {
        exact.put(id, vector);
        approximate.put(id, vector);
    }

    @Override
    public void remove(String id) {
        exact.remove(id);
        approximate.remove(id);
    }

    @Override
    public List<String> topK(float[] query, int k, Predicate<String> excluded) {
        return approximating() ? approximate.topK(query, k, excluded) : exact.topK(query, k, excluded);
    }

    @Override
    public List<String> topK(float[] query, int k, Predicate<String> excluded, int excludedCount) {
        return approximating() ? approximate.topK(query, k, excluded, excludedCount) : exact.topK(query, k, excluded);
    }
}
