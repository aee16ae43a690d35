package io.streamrec.retrieval;

import java.util.List;
import java.util.function.Predicate;

/**
 * Retrieval of the items nearest to a query vector by dot product. Implemented exactly by {@link ExactIndex}
 * (a scan over a contiguous matrix) and approximately by {@link HnswIndex} (a graph); {@link SwitchingIndex}
 * uses the exact one below a catalogue size and the graph above it. An index is rebuilt from broadcast state,
 * which stays the source of truth, so none of them is checkpointed.
 */
public interface VectorIndex {
    int dimension();

    /** Items held. */
    int size();

    boolean contains(String id);

    /** The id at {@code row} (0 .. size-1), e.g. to sample random items. */
    String idAt(int row);

    /** Adds or replaces the vector of {@code id}; a vector of the wrong dimension is refused. */
    void put(String id, float[] vector);

    /** Removes {@code id}; nothing happens when it is absent. */
    void remove(String id);

    /** The {@code k} items with the highest dot product with {@code query}, best first, skipping excluded ids. */
    List<String> topK(float[] query, int k, Predicate<String> excluded);

    /**
     * As {@link #topK(float[], int, Predicate)}, told that about {@code excludedCount} ids are excluded: an
     * approximate search widens its beam by that many at once rather than searching again when the exclusions
     * leave fewer than k.
     */
    default List<String> topK(float[] query, int k, Predicate<String> excluded, int excludedCount) {
        return topK(query, k, excluded);
    }
}
