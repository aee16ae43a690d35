package io.streamrec.eval.protocol;

import io.streamrec.avro.EventType;
import io.streamrec.avro.UserEvent;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the replay probes. A positive event is a PURCHASE (for MovieLens: a rating of 4 or more). Its
 * item is scored just before the FIRST event of the same user, item and time: MovieLens gives every
 * rating as a VIEW followed by the PURCHASE at the same second, and probing at the purchase would find
 * the item already seen (excluded, so a certain miss) and the view already learnt from.
 */
public final class ScoredEvents {
    private ScoredEvents() {}

    /**
     * The indexes of {@code events} (in time order) before which the event's item is the target of a
     * probe; one probe per (user, item, time) however many purchases share it.
     */
    public static BitSet find(List<UserEvent> events) {
        Map<String, Integer> firstOfMoment = new HashMap<>();
        BitSet probes = new BitSet(events.size());
        for (int i = 0; i < events.size(); i++) {
            UserEvent e = events.get(i);
            if (e.getItemId() == null) {
                continue;
            }
            String moment = e.getUserId() + '\u0000' + e.getItemId() + '\u0000' + e.getEventTime().toEpochMilli();
            Integer first = firstOfMoment.putIfAbsent(moment, i);
            if (e.getType() == EventType.PURCHASE) {
                probes.set(first == null ? i : first);
            }
        }
        return probes;
    }
}
