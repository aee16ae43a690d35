package io.streamrec.eval.recommenders;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Counts per item, kept in rank order as they change, so the top-k costs O(k) instead of a sort of the
 * whole catalogue on every probe (tens of thousands of probes per replay).
 */
public final class RankedCounts {
    private static final class Count {
        final String itemId;
        double value;

        Count(String itemId) {
            this.itemId = itemId;
        }
    }

    /** Highest count first; ties by item id so the order is deterministic. */
    private static final Comparator<Count> RANK = Comparator.<Count>comparingDouble(c -> -c.value)
            .thenComparing(c -> c.itemId);

    private final Map<String, Count> counts = new HashMap<>();
    private final TreeSet<Count> ranked = new TreeSet<>(RANK);

    public void add(String itemId, double delta) {
        Count c = counts.get(itemId);
        if (c == null) {
            c = new Count(itemId);
            counts.put(itemId, c);
        } else {
            ranked.remove(c);
        }
        c.value += delta;
        if (c.value <= 1e-9) {
            counts.remove(itemId);
        } else {
            ranked.add(c);
        }
    }

    public double get(String itemId) {
        Count c = counts.get(itemId);
        return c == null ? 0 : c.value;
    }

    /** The {@code k} highest counts, best first. */
    public List<String> top(int k) {
        List<String> top = new ArrayList<>(Math.min(k, ranked.size()));
        for (Iterator<Count> it = ranked.iterator(); it.hasNext() && top.size() < k; ) {
            top.add(it.next().itemId);
        }
        return top;
    }

    public int size() {
        return counts.size();
    }
}
