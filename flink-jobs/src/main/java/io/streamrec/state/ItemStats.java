package io.streamrec.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decayed item popularity and item-to-item co-occurrence counts, as seen by one ranking subtask.
 *
 * <p>Each subtask sees the events of its share of users (a uniform sample by key hash), so its counts
 * estimate the global ones without a shuffle. Popularity decays with an event-time half-life;
 * co-occurrence keeps the strongest {@code maxNeighbours} per item. Items get dense ordinals on first sight
 * (stable for this instance, not checkpointed), so neighbour lists and per-request scores are int- and
 * array-based.
 */
public final class ItemStats {
    private final double halfLifeMillis;
    private final int maxNeighbours;
    /** How many of a user's previous items count a transition to the next one; 0: transitions are not kept. */
    private final int transitionWindow;
    private static final Neighbours NO_NEIGHBOURS = new Neighbours();
    private static final double LN2 = Math.log(2);

    private final Map<String, Entry> entries = new HashMap<>();
    private final List<Entry> byOrdinal = new ArrayList<>();
    private long now = Long.MIN_VALUE;
    private long changes;
    private List<String> trending = List.of();
    private int[] trendingOrdinals = new int[0];
    private double[] trendingShares = new double[0];
    private int updatesSinceTrending;
    /** The most items any caller asked {@link #trending} for. */
    private int trendingDepth;

    /** Per-item counts. */
    static final class Entry {
        final String id;
        final int ordinal;
        double popularity;
        long popularityAt;
        final Neighbours neighbours = new Neighbours();
        /** The items taken soon after this one by the same user (directed), nearer ones counting more. */
        final Neighbours successors = new Neighbours();

        Entry(String id, int ordinal) {
            this.id = id;
            this.ordinal = ordinal;
        }
    }

    private Entry entry(String id) {
        Entry e = entries.get(id);
        if (e == null) {
            e = new Entry(id, byOrdinal.size());
            entries.put(id, e);
            byOrdinal.add(e);
        }
        return e;
    }

    /** Counts every change, so derived per-request values can tell they are stale. */
    public long changes() {
        return changes;
    }

    /** The ordinal of {@code item}, or -1 when it has never been counted. */
    public int ordinal(String item) {
        Entry e = entries.get(item);
        return e == null ? -1 : e.ordinal;
    }

    /** The item id of {@code ordinal}. */
    public String id(int ordinal) {
        return byOrdinal.get(ordinal).id;
    }

    public ItemStats(long halfLifeMillis, int maxNeighbours) {
        this(halfLifeMillis, maxNeighbours, 0);
    }

    /**
     * @param transitionWindow how many of a user's previous items count a directed transition to the item taken
     *     next, the k-th previous weighing 1/k ({@link #successors}); 0 keeps none
     */
    public ItemStats(long halfLifeMillis, int maxNeighbours, int transitionWindow) {
        if (transitionWindow < 0) {
            throw new IllegalArgumentException("the transition window must not be negative, got " + transitionWindow);
        }
        this.halfLifeMillis = Math.max(1, halfLifeMillis);
        this.maxNeighbours = maxNeighbours;
        this.transitionWindow = transitionWindow;
    }

    /** Records an interaction with {@code item} of weight {@code weight} at event time {@code time}. */
    public void addInteraction(String item, double weight, long time) {
        now = Math.max(now, time);
        changes++;
        Entry e = entry(item);
        e.popularity = decayed(e, now) + weight;
        e.popularityAt = now;
        // Recomputing walks every item, so it waits for a number of updates proportional to the catalogue:
        // a constant cost per update, and the list stays at most an eighth of a catalogue's updates stale.
        if (++updatesSinceTrending >= Math.max(256, entries.size() / 8)) {
            trending = List.of();
        }
    }

    /** Counts that {@code a} and {@code b} were used by the same user, in both directions. */
    public void addCoOccurrence(String a, String b, float weight) {
        addCoOccurrences(List.of(a), b, weight);
    }

    /**
     * Counts that {@code item} was used after each of {@code previous} by the same user, in both directions,
     * with one lookup per item.
     */
    public void addCoOccurrences(List<String> previous, String item, float weight) {
        Entry target = null;
        int distance = 0; // of the previous item from this one, itself not counted
        for (int i = 0; i < previous.size(); i++) {
            String other = previous.get(i);
            if (other.equals(item)) {
                continue;
            }
            if (target == null) {
                target = entry(item);
            }
            Entry source = entry(other);
            changes += 2;
            source.neighbours.add(target.ordinal, weight, maxNeighbours);
            target.neighbours.add(source.ordinal, weight, maxNeighbours);
            if (++distance <= transitionWindow) {
                source.successors.add(target.ordinal, weight / distance, maxNeighbours);
            }
        }
    }

    /** Co-occurrence neighbours of {@code item}, strongest first (empty when it has none). Read-only. */
    public Neighbours neighbours(String item) {
        Entry e = entries.get(item);
        return e == null ? NO_NEIGHBOURS : e.neighbours;
    }

    /** Items taken soon after the item with {@code ordinal}, strongest first (empty when not kept). Read-only. */
    public Neighbours successors(int ordinal) {
        return byOrdinal.get(ordinal).successors;
    }

    /** Co-occurrence neighbours of the item with {@code ordinal}. Read-only. */
    public Neighbours neighbours(int ordinal) {
        return byOrdinal.get(ordinal).neighbours;
    }

    /** Neighbours of {@code item} as id to count (a copy, for tests and diagnostics). */
    public Map<String, Float> neighbourCounts(String item) {
        Neighbours n = neighbours(item);
        Map<String, Float> out = new HashMap<>();
        for (int i = 0; i < n.size(); i++) {
            out.put(id(n.ordinalAt(i)), n.countAt(i));
        }
        return out;
    }

    /** Popularity of {@code item} decayed to the latest event time seen. */
    public double popularity(String item) {
        Entry e = entries.get(item);
        return e == null ? 0 : decayed(e, now);
    }

    /** Popularity of the item with {@code ordinal}, decayed to the latest event time seen. */
    public double popularity(int ordinal) {
        return decayed(byOrdinal.get(ordinal), now);
    }

    /** The {@code k} most popular items now, most popular first (recomputed every max(256, items / 8) updates). */
    public List<String> trending(int k) {
        // Callers ask for different depths: one pass computes the deepest asked for, the others take a prefix.
        trendingDepth = Math.max(trendingDepth, k);
        if (trending.isEmpty() || trending.size() < Math.min(k, entries.size())) {
            recomputeTrending(trendingDepth);
        }
        return trending.size() > k ? trending.subList(0, k) : trending;
    }

    /** After {@link #trending}: the ordinal of its {@code i}-th item. */
    public int trendingOrdinal(int i) {
        return trendingOrdinals[i];
    }

    /**
     * After {@link #trending}: its {@code i}-th item's popularity relative to the first's, as of the last
     * recompute. Decay scales every item alike, so the ratio holds until interactions change the order,
     * which the next recompute takes in; per request it saves a decay and a lookup per trending item.
     */
    public double trendingShare(int i) {
        return trendingShares[i];
    }

    /**
     * Each item's decayed popularity once, then the k best by (popularity desc, position in the map), the
     * order a stable full sort gives ({@link LargestValues}, a primitive heap: this runs over the whole catalogue).
     */
    private void recomputeTrending(int k) {
        int n = entries.size();
        Entry[] all = new Entry[n];
        double[] decayed = new double[n];
        int i = 0;
        for (Entry e : entries.values()) {
            all[i] = e;
            decayed[i] = e.popularity > 0 ? decayed(e, now) : -1; // never taken: not trending
            i++;
        }
        int[] best = LargestValues.indexes(decayed, k);
        List<String> top = new ArrayList<>(best.length);
        trendingOrdinals = new int[best.length];
        trendingShares = new double[best.length];
        for (int j : best) {
            if (decayed[j] >= 0) {
                trendingOrdinals[top.size()] = all[j].ordinal;
                trendingShares[top.size()] = decayed[j] / decayed[best[0]];
                top.add(all[j].id);
            }
        }
        trending = top;
        updatesSinceTrending = 0;
    }

    public int size() {
        return entries.size();
    }

    private double decayed(Entry e, long at) {
        if (e.popularity == 0) {
            return 0;
        }
        return e.popularity * Math.exp((e.popularityAt - at) * LN2 / halfLifeMillis);
    }

    /**
     * Serialised form for operator state, written on the task thread at every checkpoint: each id once (in
     * ordinal order), neighbours as ordinals — a tenth of the strings of writing every neighbour's id.
     */
    public byte[] toBytes() {
        // The ids through DataOutputStream (writeUTF's format); the numbers, which are most of the bytes,
        // straight into a buffer of the exact size: DataOutputStream writes an int as four locked calls.
        byte[] dictionary;
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + entries.size() * 16);
                DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(transitionWindow > 0 ? FORMAT_SUCCESSORS : FORMAT_DICTIONARY);
            out.writeLong(now);
            out.writeInt(byOrdinal.size());
            for (Entry e : byOrdinal) {
                out.writeUTF(e.id);
            }
            out.flush();
            dictionary = bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise item statistics", e);
        }
        long size = dictionary.length + 4L;
        for (Entry e : byOrdinal) {
            size += 24L + 8L * e.neighbours.size() + (transitionWindow > 0 ? 4L + 8L * e.successors.size() : 0L);
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("item statistics of " + byOrdinal.size() + " items need " + size
                    + " bytes, more than one checkpoint blob can hold; lower baseline.max-neighbours");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size); // big-endian, as DataInputStream reads it back
        out.put(dictionary);
        out.putInt(byOrdinal.size());
        for (Entry e : byOrdinal) {
            out.putInt(e.ordinal);
            out.putDouble(e.popularity);
            out.putLong(e.popularityAt);
            Neighbours n = e.neighbours;
            out.putInt(n.size());
            for (int i = 0; i < n.size(); i++) {
                out.putInt(n.ordinalAt(i));
                out.putFloat(n.countAt(i));
            }
            if (transitionWindow > 0) {
                Neighbours s = e.successors;
                out.putInt(s.size());
                for (int i = 0; i < s.size(); i++) {
                    out.putInt(s.ordinalAt(i));
                    out.putFloat(s.countAt(i));
                }
            }
        }
        return out.array();
    }

    /** Marks the dictionary format; the earlier format began with a timestamp, which never has this value. */
    private static final int FORMAT_DICTIONARY = 0x53524932;
    /** The dictionary format with each item's successors after its neighbours (when transitions are kept). */
    private static final int FORMAT_SUCCESSORS = 0x53524934;

    /** Adds the counts of a serialised instance, scaled by {@code scale} (rescaling merges shares). */
    public void merge(byte[] data, double scale) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int format = data.length >= 4 ? in.readInt() : 0;
            boolean withSuccessors = format == FORMAT_SUCCESSORS;
            boolean dictionary = withSuccessors || format == FORMAT_DICTIONARY;
            if (!dictionary) {
                in.reset(); // the earlier format: ids written in full
            }
            now = Math.max(now, in.readLong());
            String[] words = null;
            if (dictionary) {
                words = new String[in.readInt()];
                for (int i = 0; i < words.length; i++) {
                    words[i] = in.readUTF();
                }
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String id = dictionary ? words[in.readInt()] : in.readUTF();
                Entry e = entry(id);
                double pop = in.readDouble() * scale;
                long at = in.readLong();
                e.popularity = decayed(e, Math.max(at, e.popularityAt)) + pop
                        * Math.pow(0.5, (Math.max(at, e.popularityAt) - at) / halfLifeMillis);
                e.popularityAt = Math.max(at, e.popularityAt);
                int m = in.readInt();
                for (int j = 0; j < m; j++) {
                    String other = dictionary ? words[in.readInt()] : in.readUTF();
                    e.neighbours.add(entry(other).ordinal, (float) (in.readFloat() * scale), maxNeighbours);
                }
                if (withSuccessors) {
                    int k = in.readInt();
                    for (int j = 0; j < k; j++) {
                        Entry next = entry(words[in.readInt()]);
                        float count = (float) (in.readFloat() * scale);
                        if (transitionWindow > 0) { // kept only where this instance uses them
                            e.successors.add(next.ordinal, count, maxNeighbours);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore item statistics", e);
        }
        changes++;
        trending = List.of();
    }
}
