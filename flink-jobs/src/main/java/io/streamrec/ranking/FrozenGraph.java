package io.streamrec.ranking;

import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import io.github.jbellis.jvector.graph.NodesIterator;
import io.github.jbellis.jvector.graph.similarity.ScoreFunction;
import io.github.jbellis.jvector.util.Bits;
import java.util.ArrayList;
import java.util.List;

/**
 * A read-only copy of a graph's adjacency in plain int arrays, searched with jvector's own
 * {@code GraphSearcher}. The builder's graph is made for concurrent inserts: every neighbour list read
 * during a search goes through a concurrent map, which profiles of the model's rank thread showed at about
 * a tenth of its time; here it is one array load. Deleted nodes are not copied as such: the search's
 * accept bits exclude them (see {@link HnswIndex}).
 *
 * <p>Costs a second copy of the adjacency (4 bytes per edge: about 1.3 MB per 10k items at degree 16) and a
 * pass over the graph per copy, which {@link HnswIndex} makes only once changes have settled.
 */
final class FrozenGraph implements ImmutableGraphIndex {
    /** [level][node] -> neighbours; null where the node is not on that level. */
    private final int[][][] adjacency;
    private final int[] sizes;
    private final NodeAtLevel entry;
    private final int dimension;
    private final List<Integer> maxDegrees;
    private final long edges;
    /**
     * Nodes met in the current search ({@code seen[node] == search}): jvector's visited set is a hash set,
     * and most neighbours of an expanded node were met already; this array answers those without a probe.
     */
    private final int[] seen;
    private int search = 1;

    private FrozenGraph(int[][][] adjacency, int[] sizes, NodeAtLevel entry, int dimension, List<Integer> maxDegrees,
            long edges) {
        this.adjacency = adjacency;
        this.sizes = sizes;
        this.entry = entry;
        this.dimension = dimension;
        this.maxDegrees = maxDegrees;
        this.edges = edges;
        this.seen = new int[adjacency.length == 0 ? 0 : adjacency[0].length];
    }

    /**
     * Must precede every search of a searcher on this graph (it starts with an empty visited set); one
     * search at a time, as on a Flink task thread.
     */
    void beginSearch() {
        if (++search == Integer.MAX_VALUE) {
            java.util.Arrays.fill(seen, 0);
            search = 1;
        }
    }

    /** Copies {@code graph} as it is now; it must not change while this runs (one task thread does both). */
    static FrozenGraph of(ImmutableGraphIndex graph) {
        int upper = graph.getIdUpperBound();
        int levels = graph.getMaxLevel() + 1;
        int[][][] adjacency = new int[levels][][];
        int[] sizes = new int[levels];
        long edges = 0;
        try (View view = graph.getView()) {
            for (int level = 0; level < levels; level++) {
                int[][] lists = new int[upper][];
                NodesIterator nodes = graph.getNodes(level);
                while (nodes.hasNext()) {
                    int node = nodes.nextInt();
                    if (node >= upper) {
                        continue;
                    }
                    NodesIterator it = view.getNeighborsIterator(level, node);
                    int[] neighbours = new int[it.size()];
                    int n = 0;
                    while (it.hasNext() && n < neighbours.length) {
                        neighbours[n++] = it.nextInt();
                    }
                    lists[node] = n == neighbours.length ? neighbours : java.util.Arrays.copyOf(neighbours, n);
                    edges += n;
                    sizes[level]++;
                }
                adjacency[level] = lists;
            }
            return new FrozenGraph(adjacency, sizes, view.entryNode(), graph.getDimension(),
                    new ArrayList<>(graph.maxDegrees()), edges);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the graph to copy it", e);
        }
    }

    private int[] neighbours(int level, int node) {
        int[][] lists = level < adjacency.length ? adjacency[level] : null;
        int[] n = lists == null || node < 0 || node >= lists.length ? null : lists[node];
        return n == null ? EMPTY : n;
    }

    private static final int[] EMPTY = new int[0];

    @Override
    public NodesIterator getNodes(int level) {
        int[][] lists = adjacency[level];
        int[] nodes = new int[sizes[level]];
        int n = 0;
        for (int node = 0; node < lists.length; node++) {
            if (lists[node] != null) {
                nodes[n++] = node;
            }
        }
        return new NodesIterator.ArrayNodesIterator(nodes);
    }

    @Override
    public View getView() {
        return new FrozenView();
    }

    @Override
    public int maxDegree() {
        return maxDegrees.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    @Override
    public List<Integer> maxDegrees() {
        return maxDegrees;
    }

    @Override
    public int getDimension() {
        return dimension;
    }

    @Override
    public int getIdUpperBound() {
        return adjacency.length == 0 ? 0 : adjacency[0].length;
    }

    @Override
    public boolean containsNode(int node) {
        return node >= 0 && node < getIdUpperBound() && adjacency[0][node] != null;
    }

    @Override
    public void close() {}

    @Override
    public boolean isHierarchical() {
        return adjacency.length > 1;
    }

    @Override
    public int getMaxLevel() {
        return adjacency.length - 1;
    }

    @Override
    public int getDegree(int level) {
        return level < maxDegrees.size() ? maxDegrees.get(level) : maxDegrees.get(maxDegrees.size() - 1);
    }

    @Override
    public double getAverageDegree(int level) {
        long total = 0;
        for (int[] n : adjacency[level]) {
            total += n == null ? 0 : n.length;
        }
        return sizes[level] == 0 ? 0 : (double) total / sizes[level];
    }

    @Override
    public int size(int level) {
        return sizes[level];
    }

    @Override
    public long ramBytesUsed() {
        long bytes = 4L * edges + 4L * seen.length; // the neighbours themselves, the met-in-this-search marks
        for (int level = 0; level < adjacency.length; level++) {
            bytes += 16L + 4L * adjacency[level].length; // a reference per node id (compressed oops)
            bytes += 16L * sizes[level]; // an array header per node on the level
        }
        return bytes;
    }

    private final class FrozenView implements View {
        @Override
        public NodesIterator getNeighborsIterator(int level, int node) {
            return new NodesIterator.ArrayNodesIterator(neighbours(level, node));
        }

        @Override
        public void processNeighbors(int level, int node, ScoreFunction score, IntMarker visited,
                NeighborProcessor processor) {
            for (int neighbour : neighbours(level, node)) {
                // Met before in this search: jvector's visited set holds it already (visited is not cleared
                // between levels), so mark() would say false.
                if (seen[neighbour] == search) {
                    continue;
                }
                seen[neighbour] = search;
                if (visited.mark(neighbour)) {
                    processor.process(neighbour, score.similarityTo(neighbour));
                }
            }
        }

        @Override
        public int size() {
            return sizes.length == 0 ? 0 : sizes[0];
        }

        @Override
        public NodeAtLevel entryNode() {
            return entry;
        }

        @Override
        public Bits liveNodes() {
            return Bits.ALL;
        }

        @Override
        public int getIdUpperBound() {
            return FrozenGraph.this.getIdUpperBound();
        }

        @Override
        public boolean contains(int level, int node) {
            return level < adjacency.length && node >= 0 && node < adjacency[level].length
                    && adjacency[level][node] != null;
        }

        @Override
        public void close() {}
    }
}
