package io.streamrec.retrieval;

import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.graph.similarity.DefaultSearchScoreProvider;
import io.github.jbellis.jvector.graph.similarity.ScoreFunction;
import io.github.jbellis.jvector.util.Bits;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;
import io.streamrec.vectors.Vectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Approximate top-k by dot product on an HNSW-style graph (jvector's {@link GraphIndexBuilder}: Vamana/HNSW
 * with a hierarchy, exact scores, no quantisation). Runs on Java 17 with jvector's plain-array vector
 * support (the Panama SIMD path needs Java 20+).
 *
 * <p>The graph is built lazily, in bulk, by the first {@link #topK} after it was absent (after start or
 * restore, and after a compaction); afterwards new items are inserted one by one and removed items are
 * marked deleted. When deleted nodes exceed a quarter of the live ones the graph is dropped and rebuilt
 * on the next query, which also frees their vectors. Searches read a {@link FrozenGraph} copy of the
 * adjacency, with its own search, once no change came for a few searches; until then jvector's
 * {@link GraphSearcher} searches the builder's concurrent graph.
 *
 * <p>Vectors are kept by reference in {@link GraphVectors}, not copied (the job passes the arrays it holds in
 * broadcast state). Not thread-safe; a Flink subtask uses it from its one task thread.
 */
public final class HnswIndex implements VectorIndex {
    private static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

    /** Graph degree (M), construction beam width and search beam width (ef). */
    public static final int DEFAULT_MAX_DEGREE = 16;
    public static final int DEFAULT_BUILD_BEAM = 100;
    /** The default of ranking.index.search-beam. */
    public static final int DEFAULT_SEARCH_BEAM = 100;
    /**
     * Searches without a change before the graph is copied into arrays, at least: a catalogue that changes
     * steadily keeps searching the live graph instead of paying for copies that the next change makes stale.
     * The copy costs about 0.6 µs per item (63 ms at 100k) and makes each search 1.2-1.3× faster, so larger
     * graphs wait for one search per 64 items (see {@link #quietSearchesBeforeFreeze}).
     */
    static final int FREEZE_AFTER_QUIET_SEARCHES = 32;

    private final int dimension;
    private final int maxDegree;
    private final int buildBeam;
    private int searchBeam;

    /** The items by graph ordinal: stable while a graph lives, holes where items were removed or replaced. */
    private final GraphVectors items;

    private GraphIndexBuilder builder;
    /** Searches the builder's concurrent graph: right after changes, while they keep coming. */
    private GraphSearcher liveSearcher;
    private boolean changedSinceSearcher;
    /**
     * An array copy of the graph, searched instead of it: after a bulk build, or once
     * {@link #quietSearchesBeforeFreeze} searches passed without a change.
     */
    private FrozenGraph frozen;
    private boolean freezing = true;
    private int searchesSinceChange;
    /** The frozen search's results, reused. */
    private int[] foundNodes = new int[0];
    private float[] foundScores = new float[0];
    /** Graph searches run, for tests: one per query unless exclusions force a second. */
    private long searches;

    public HnswIndex(int dimension) {
        this(dimension, DEFAULT_MAX_DEGREE, DEFAULT_BUILD_BEAM, DEFAULT_SEARCH_BEAM);
    }

    public HnswIndex(int dimension, int maxDegree, int buildBeam, int searchBeam) {
        this.dimension = dimension;
        this.maxDegree = maxDegree;
        this.buildBeam = buildBeam;
        this.searchBeam = searchBeam;
        this.items = new GraphVectors(dimension);
    }

    /** Search beam (ef) of later queries: wider finds more of the true nearest, slower. */
    public void setSearchBeam(int searchBeam) {
        if (searchBeam < 1) {
            throw new IllegalArgumentException("search beam must be positive, got " + searchBeam);
        }
        this.searchBeam = searchBeam;
    }

    /**
     * Whether searches may use the array copy of the graph (the default); false searches the builder's graph
     * with jvector's searcher only, as a baseline for benchmarks.
     */
    public void setFreezing(boolean freezing) {
        this.freezing = freezing;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public boolean contains(String id) {
        return items.contains(id);
    }

    @Override
    public String idAt(int row) {
        return items.idAt(row);
    }

    /** Whether the graph currently exists (it is built by the next query otherwise). */
    public boolean built() {
        return builder != null;
    }

    @Override
    public void put(String id, float[] vector) {
        int previous = items.ordinalOf(id);
        int ordinal = items.put(id, vector); // checks the dimension before anything changes
        if (builder != null) {
            if (previous >= 0) {
                builder.markNodeDeleted(previous);
            }
            builder.addGraphNode(ordinal, items.graphView().getVector(ordinal));
        }
        changed();
        maybeCompact();
    }

    @Override
    public void remove(String id) {
        int ordinal = items.remove(id);
        if (ordinal < 0) {
            return;
        }
        if (builder != null) {
            builder.markNodeDeleted(ordinal);
        }
        changed();
        maybeCompact();
    }

    @Override
    public List<String> topK(float[] query, int k, Predicate<String> excluded) {
        return topK(query, k, excluded, 0);
    }

    @Override
    public List<String> topK(float[] query, int k, Predicate<String> excluded, int excludedCount) {
        if (query == null || k <= 0 || items.size() == 0) {
            return List.of();
        }
        if (query.length != dimension) {
            throw new IllegalArgumentException("query has dimension " + query.length + ", the index holds " + dimension);
        }
        if (builder == null) {
            build();
        }
        GraphSearcher searcher = searcher(); // null: search the frozen copy
        // Exclusions (a user's purchases, the item just used) are few against the beam: search without them,
        // with the beam widened by their number, so no visited node pays for a lookup, and drop them from the
        // beam's results; only when they still leave fewer than k is the search repeated with them as a filter.
        Bits live = items.holes() == 0 ? Bits.ALL : items::live;
        List<String> unfiltered = search(searcher, query, k, k + Math.max(0, excludedCount), live, excluded);
        if (unfiltered.size() >= k) {
            return unfiltered;
        }
        Bits accept = ordinal -> items.live(ordinal) && !excluded.test(items.idOf(ordinal));
        return search(searcher, query, k, k, accept, excluded);
    }

    long searches() {
        return searches;
    }

    /** Whether searches now go to an array copy of the graph rather than the builder's own. */
    boolean searchingFrozenGraph() {
        return freezing && frozen != null;
    }

    /** The live graph's searcher, or null when the frozen copy is (or is now made) the one to search. */
    private GraphSearcher searcher() {
        if (freezing && frozen != null) {
            return null;
        }
        if (freezing && ++searchesSinceChange >= quietSearchesBeforeFreeze()) {
            freeze();
            return null;
        }
        if (liveSearcher == null || changedSinceSearcher) {
            liveSearcher = new GraphSearcher(builder.getGraph());
            changedSinceSearcher = false;
        }
        return liveSearcher;
    }

    int quietSearchesBeforeFreeze() {
        return Math.max(FREEZE_AFTER_QUIET_SEARCHES, items.size() / 64);
    }

    /** Every change drops the frozen copy; searches use the live graph until changes settle. */
    private void changed() {
        changedSinceSearcher = true;
        frozen = null;
        searchesSinceChange = 0;
    }

    /**
     * The best k of one graph search with {@code accept}, best first, without {@code excluded} ids: the
     * frozen copy's search when {@code searcher} is null, else jvector's on the live graph. Both search a
     * beam of {@code max(wanted, searchBeam)} and keep its best k.
     */
    private List<String> search(GraphSearcher searcher, float[] query, int k, int wanted, Bits accept,
            Predicate<String> excluded) {
        int beam = Math.max(wanted, searchBeam);
        searches++;
        float[] q = query;
        if (searcher == null) {
            if (foundNodes.length < beam) {
                foundNodes = new int[beam];
                foundScores = new float[beam];
            }
            int found = frozen.search(node -> Vectors.dot(q, 0, items.array(node), 0, dimension), beam, accept,
                    foundNodes, foundScores);
            List<String> out = new ArrayList<>(Math.min(k, found));
            for (int i = 0; i < found && out.size() < k; i++) {
                addUnlessExcluded(out, items.idOf(foundNodes[i]), excluded);
            }
            return out;
        }
        // jvector's own dot product is a plain loop on Java 17; ours keeps eight partial sums. Same score as
        // its DOT_PRODUCT similarity, (1 + q.v) / 2.
        ScoreFunction.ExactScoreFunction exact =
                node -> (1f + Vectors.dot(q, 0, items.array(node), 0, dimension)) / 2f;
        SearchResult.NodeScore[] nodes = searcher.search(new DefaultSearchScoreProvider(exact), beam, accept).getNodes();
        List<String> out = new ArrayList<>(Math.min(k, nodes.length));
        for (int i = 0; i < nodes.length && out.size() < k; i++) {
            addUnlessExcluded(out, items.idOf(nodes[i].node), excluded);
        }
        return out;
    }

    private static void addUnlessExcluded(List<String> out, String id, Predicate<String> excluded) {
        if (id != null && !excluded.test(id)) {
            out.add(id);
        }
    }

    /** Heap held by the graph alone (jvector's own estimate) and its array copy, 0 before it is built. */
    public long graphBytes() {
        return (builder == null ? 0 : builder.ramBytesUsed()) + (frozen == null ? 0 : frozen.ramBytesUsed());
    }

    /** Drops the graph and renumbers the live items densely when holes pile up. */
    private void maybeCompact() {
        if (items.holes() > 64 && items.holes() > items.size() / 4) {
            closeGraph();
            items.compact();
        }
    }

    private void build() {
        if (items.holes() > 0) {
            items.compact(); // the bulk build then sees no holes
        }
        builder = new GraphIndexBuilder(items.graphView(), SIMILARITY, maxDegree, buildBeam, 1.2f, 1.2f, true);
        builder.build(items.graphView());
        liveSearcher = null;
        // A bulk build is the end of a burst of changes (start, restore, compaction): search the copy at once.
        if (freezing) {
            freeze();
        }
    }

    private void freeze() {
        frozen = FrozenGraph.of(builder.getGraph());
        liveSearcher = null;
    }

    private void closeGraph() {
        if (builder != null) {
            try {
                builder.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        builder = null;
        liveSearcher = null;
        frozen = null;
    }
}
