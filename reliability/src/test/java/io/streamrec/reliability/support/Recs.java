package io.streamrec.reliability.support;

import io.streamrec.avro.Recommendation;
import io.streamrec.avro.UserEvent;
import java.util.List;

/** Comparisons of committed recommendations with the events that triggered them. */
public final class Recs {
    private Recs() {}

    public static List<String> triggerIds(List<Recommendation> recs) {
        return recs.stream().map(Recommendation::getTriggerEventId).sorted().toList();
    }

    public static List<String> eventIds(List<UserEvent> events) {
        return events.stream().map(UserEvent::getEventId).sorted().toList();
    }
}
