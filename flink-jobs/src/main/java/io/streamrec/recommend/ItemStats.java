package io.streamrec.recommend;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decayed item popularity and item-to-item co-occurrence counts, as seen by one ranking subtask.
 *
 * <p>Each subtask sees the events of its share of users (a uniform sample by key hash), so its counts
 * estimate the global ones without a shuffle. Popularity decays with an event-time half-life;
 * co-occurrence keeps the strongest {@code maxNeighbours} per item.
 */
public final class ItemStats {
    private final double halfLifeMillis;
    private final int maxNeighbours;
    private static final Neighbours NO_NEIGHBOURS = new Neighbours();

    private final Map<String, Entry> entries = new HashMap<>();
    private long now = Long.MIN_VALUE;
    private List<String> trending = List.of();
    private int updatesSinceTrending;

    /** Per-item counts. */
    static final class Entry {
        double popularity;
        long popularityAt;
        final Neighbours neighbours = new Neighbours();
    }

    public ItemStats(long halfLifeMillis, int maxNeighbours) {
        this.halfLifeMillis = Math.max(1, halfLifeMillis);
        this.maxNeighbours = maxNeighbours;
    }

    /** Records an interaction with {@code item} of weight {@code weight} at event time {@code time}. */
    public void addInteraction(String item, double weight, long time) {
        now = Math.max(now, time);
        Entry e = entries.computeIfAbsent(item, k -> new Entry());
        e.popularity = decayed(e, now) + weight;
        e.popularityAt = now;
        if (++updatesSinceTrending >= 256) {
            trending = List.of();
        }
    }

    /** Counts that {@code a} and {@code b} were used by the same user, in both directions. */
    public void addCoOccurrence(String a, String b, float weight) {
        if (a.equals(b)) {
            return;
        }
        bump(a, b, weight);
        bump(b, a, weight);
    }

    private void bump(String from, String to, float weight) {
        entries.computeIfAbsent(from, k -> new Entry()).neighbours.add(to, weight, maxNeighbours);
    }

    /** Co-occurrence neighbours of {@code item}, strongest first (empty when it has none). Read-only. */
    public Neighbours neighbours(String item) {
        Entry e = entries.get(item);
        return e == null ? NO_NEIGHBOURS : e.neighbours;
    }

    /** Popularity of {@code item} decayed to the latest event time seen. */
    public double popularity(String item) {
        Entry e = entries.get(item);
        return e == null ? 0 : decayed(e, now);
    }

    /** The {@code k} most popular items now, most popular first (recomputed every 256 updates). */
    public List<String> trending(int k) {
        if (trending.isEmpty() || trending.size() < Math.min(k, entries.size())) {
            // Each item's decayed popularity once (not twice per comparison of a full sort), then the k best
            // by (popularity desc, position in the map), the order the stable full sort gave.
            int n = entries.size();
            String[] ids = new String[n];
            double[] decayed = new double[n];
            boolean[] positive = new boolean[n];
            int i = 0;
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                ids[i] = e.getKey();
                decayed[i] = decayed(e.getValue(), now);
                positive[i] = e.getValue().popularity > 0;
                i++;
            }
            int keep = Math.min(k, n);
            java.util.PriorityQueue<Integer> worstFirst = new java.util.PriorityQueue<>(keep + 1, (a, b) -> {
                int c = Double.compare(decayed[a], decayed[b]);
                return c != 0 ? c : Integer.compare(b, a);
            });
            for (int j = 0; j < n && keep > 0; j++) {
                worstFirst.add(j);
                if (worstFirst.size() > keep) {
                    worstFirst.poll();
                }
            }
            Integer[] best = new Integer[worstFirst.size()];
            for (int j = best.length - 1; j >= 0; j--) {
                best[j] = worstFirst.poll();
            }
            List<String> top = new ArrayList<>(keep);
            for (Integer j : best) {
                if (positive[j]) {
                    top.add(ids[j]);
                }
            }
            trending = top;
            updatesSinceTrending = 0;
        }
        return trending.size() > k ? trending.subList(0, k) : trending;
    }

    public int size() {
        return entries.size();
    }

    private double decayed(Entry e, long at) {
        if (e.popularity == 0) {
            return 0;
        }
        return e.popularity * Math.pow(0.5, (at - e.popularityAt) / halfLifeMillis);
    }

    /** Serialised form for operator state. */
    public byte[] toBytes() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(now);
            out.writeInt(entries.size());
            for (Map.Entry<String, Entry> item : entries.entrySet()) {
                Entry e = item.getValue();
                out.writeUTF(item.getKey());
                out.writeDouble(e.popularity);
                out.writeLong(e.popularityAt);
                out.writeInt(e.neighbours.size());
                for (int n = 0; n < e.neighbours.size(); n++) {
                    out.writeUTF(e.neighbours.idAt(n));
                    out.writeFloat(e.neighbours.countAt(n));
                }
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise item statistics", e);
        }
    }

    /** Adds the counts of a serialised instance, scaled by {@code scale} (rescaling merges shares). */
    public void merge(byte[] data, double scale) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            now = Math.max(now, in.readLong());
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String id = in.readUTF();
                Entry e = entries.computeIfAbsent(id, k -> new Entry());
                double pop = in.readDouble() * scale;
                long at = in.readLong();
                e.popularity = decayed(e, Math.max(at, e.popularityAt)) + pop
                        * Math.pow(0.5, (Math.max(at, e.popularityAt) - at) / halfLifeMillis);
                e.popularityAt = Math.max(at, e.popularityAt);
                int m = in.readInt();
                for (int j = 0; j < m; j++) {
                    String other = in.readUTF();
                    e.neighbours.add(other, (float) (in.readFloat() * scale), maxNeighbours);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore item statistics", e);
        }
        trending = List.of();
    }
}
