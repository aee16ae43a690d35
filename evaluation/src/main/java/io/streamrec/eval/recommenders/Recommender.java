package io.streamrec.eval.recommenders;

import io.streamrec.avro.Item;
import io.streamrec.avro.UserEvent;
import java.util.List;
import java.util.Set;

/**
 * What the replay needs from anything it evaluates: the job's operators (through
 * {@link JobRecommender}) and the baselines alike. The replay calls, in event-time order,
 * {@link #addItems} when items enter the catalogue, {@link #recommend} just before a scored event and
 * {@link #observe} for every event.
 */
public interface Recommender extends AutoCloseable {

    /** The name in reports and on the command line. */
    String name();

    /** Items entering (or changing in) the catalogue, in one batch so text can be encoded in batches. */
    void addItems(List<Item> items);

    /**
     * Up to {@code howMany} item ids, best first, that {@code userId} would be served at
     * {@code eventTimeMillis}. Must not change any state: the replay scores this list against an
     * event the recommender has not seen yet. The replay filters the user's seen items itself.
     */
    List<String> recommend(String userId, long eventTimeMillis, int howMany);

    /**
     * The sources of the candidate pool behind the last {@link #recommend} list that offered {@code itemId}
     * (empty: none did), or null for a recommender without a candidate pool.
     */
    default Set<String> candidateSourcesOf(String itemId) {
        return null;
    }

    /** Learns from one event (any type); called in time order, after any probe for it. */
    void observe(UserEvent event);

    @Override
    default void close() throws Exception {}
}
