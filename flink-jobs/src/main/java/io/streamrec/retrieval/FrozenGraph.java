package io.streamrec.retrieval;

import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import io.github.jbellis.jvector.graph.NodeQueue;
import io.github.jbellis.jvector.graph.NodesIterator;
import io.github.jbellis.jvector.util.Bits;
import io.github.jbellis.jvector.util.BoundedLongHeap;
import io.github.jbellis.jvector.util.GrowableLongHeap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * A read-only copy of a jvector graph's adjacency in plain int arrays, with its own HNSW search. The
 * builder's graph is made for concurrent inserts: every neighbour list read during a search goes through a
 * concurrent map. Here it is one array load, the nodes met in a search are marks in an int array stamped
 * per search, and the queues are jvector's primitive heaps, reused: nothing is hashed or allocated per
 * visited node. (Profiles of the model's rank thread, searching this copy through jvector's
 * {@code GraphSearcher}, showed its visited hash set and queues at about 40 % of a search.)
 *
 * <p>Deleted nodes are copied like the others and still route searches; the caller's accept bits keep
 * them out of the results (see {@link HnswIndex}). Costs a second copy of the adjacency (4 bytes per edge:
 * about 1.3 MB per 10k items at degree 16) and a pass over the graph per copy, which {@link HnswIndex}
 * makes only once changes have settled. Not thread-safe: one search at a time, as on a Flink task thread.
 */
final class FrozenGraph {
    /** The score of a node for the query being searched; higher is nearer. */
    @FunctionalInterface
    interface Score {
        float of(int node);
    }

    private static final int[] EMPTY = new int[0];

    /** [level][node] -> neighbours; null where the node is not on that level. */
    private final int[][][] adjacency;
    private final int entryNode;
    private final int entryLevel;
    private final long edges;
    /** Nodes met in the current search: {@code seen[node] == search}. */
    private final int[] seen;
    private int search;
    private final NodeQueue candidates = new NodeQueue(new GrowableLongHeap(256), NodeQueue.Order.MAX_HEAP);
    private final NodeQueue results = new NodeQueue(new BoundedLongHeap(256), NodeQueue.Order.MIN_HEAP);

    private FrozenGraph(int[][][] adjacency, int entryNode, int entryLevel, long edges) {
        this.adjacency = adjacency;
        this.entryNode = entryNode;
        this.entryLevel = entryLevel;
        this.edges = edges;
        this.seen = new int[adjacency.length == 0 ? 0 : adjacency[0].length];
    }

    /** Copies {@code graph} as it is now; it must not change while this runs (one task thread does both). */
    static FrozenGraph of(ImmutableGraphIndex graph) {
        int upper = graph.getIdUpperBound();
        int levels = graph.getMaxLevel() + 1;
        int[][][] adjacency = new int[levels][][];
        long edges = 0;
        try (ImmutableGraphIndex.View view = graph.getView()) {
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
                    lists[node] = n == neighbours.length ? neighbours : Arrays.copyOf(neighbours, n);
                    edges += n;
                }
                adjacency[level] = lists;
            }
            ImmutableGraphIndex.NodeAtLevel entry = view.entryNode();
            return entry == null ? new FrozenGraph(adjacency, -1, 0, edges)
                    : new FrozenGraph(adjacency, entry.node, entry.level, edges);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the graph to copy it", e);
        }
    }

    /**
     * The {@code beam} best nodes that {@code accept} lets through, best first, into {@code nodes} and
     * {@code scores}; returns how many. HNSW's search: from the entry point, a greedy descent through the
     * upper levels, then on level 0 a beam search that expands the best unexpanded node until none left can
     * beat the worst of the {@code beam} kept. As in jvector's searcher, every node scored on the way down
     * starts level 0 as a candidate, not only the nearest found there: a second route into another part of
     * the graph costs nothing but the queue. Nodes that {@code accept} refuses are expanded like the others
     * (they still connect the graph) but never kept.
     */
    int search(Score score, int beam, Bits accept, int[] nodes, float[] scores) {
        if (entryNode < 0) {
            return 0;
        }
        int stamp = nextSearch();
        candidates.clear();
        results.clear();
        results.setMaxSize(beam);
        int current = entryNode;
        float currentScore = meet(current, score, stamp, accept);
        for (int level = entryLevel; level > 0; level--) {
            for (boolean moved = true; moved; ) {
                moved = false;
                for (int neighbour : neighbours(level, current)) {
                    if (seen[neighbour] == stamp) {
                        continue; // scored on an earlier hop, when it did not beat a node no better than this one
                    }
                    float s = meet(neighbour, score, stamp, accept);
                    if (s > currentScore) {
                        currentScore = s;
                        current = neighbour;
                        moved = true;
                    }
                }
            }
        }
        while (candidates.size() > 0) {
            float best = candidates.topScore();
            if (results.size() >= beam && best < results.topScore()) {
                break; // nothing left to expand can improve the kept
            }
            int node = candidates.pop();
            for (int neighbour : neighbours(0, node)) {
                if (seen[neighbour] == stamp) {
                    continue;
                }
                seen[neighbour] = stamp;
                float s = score.of(neighbour);
                if (results.size() < beam || s > results.topScore()) {
                    candidates.push(neighbour, s);
                    if (accept.get(neighbour)) {
                        results.push(neighbour, s);
                    }
                }
            }
        }
        int found = results.size();
        for (int i = found - 1; i >= 0; i--) { // the queue gives the worst first
            scores[i] = results.topScore();
            nodes[i] = results.pop();
        }
        return found;
    }

    /** Scores a node met above level 0 and queues it as one of level 0's starting points. */
    private float meet(int node, Score score, int stamp, Bits accept) {
        seen[node] = stamp;
        float s = score.of(node);
        candidates.push(node, s);
        if (accept.get(node)) {
            results.push(node, s);
        }
        return s;
    }

    private int nextSearch() {
        if (++search == Integer.MAX_VALUE) {
            Arrays.fill(seen, 0);
            search = 1;
        }
        return search;
    }

    private int[] neighbours(int level, int node) {
        int[][] lists = adjacency[level];
        int[] n = node < lists.length ? lists[node] : null;
        return n == null ? EMPTY : n;
    }

    /** Heap held by the copy: the neighbour lists, their array headers and references, the marks. */
    long ramBytesUsed() {
        long bytes = 4L * edges + 4L * seen.length;
        for (int[][] level : adjacency) {
            bytes += 16L + 4L * level.length; // a reference per node id (compressed oops)
            for (int[] list : level) {
                bytes += list == null ? 0 : 16L; // an array header per node on the level
            }
        }
        return bytes;
    }
}
