package io.streamrec.events;

import io.streamrec.avro.UserEvent;

/** A valid event and the record it came from, so later checks (duplicates) can still dead-letter it. */
public class SourcedEvent {
    public UserEvent event;
    public String topic;
    public int partition;
    public long offset;
    /**
     * A request for the recommendations the user would be served now, changing no state: lets an
     * evaluation score exactly what was served before the event it then replays.
     */
    public boolean probe;
    /** Vector of the event's text (search query, review), when the text encoder ran; else null. */
    public float[] textVector;

    public SourcedEvent() {}

    public SourcedEvent(UserEvent event, String topic, int partition, long offset) {
        this.event = event;
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
    }

    /** A probe for {@code event}'s user at its event time; see {@link #probe}. */
    public static SourcedEvent probe(UserEvent event) {
        SourcedEvent probe = new SourcedEvent(event, "probe", -1, -1);
        probe.probe = true;
        return probe;
    }

    public String userId() {
        return event.getUserId();
    }
}
