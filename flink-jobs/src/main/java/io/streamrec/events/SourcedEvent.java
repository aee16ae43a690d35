package io.streamrec.events;

import io.streamrec.avro.UserEvent;

/** A valid event and the record it came from, so later checks (duplicates) can still dead-letter it. */
public class SourcedEvent {
    public UserEvent event;
    public String topic;
    public int partition;
    public long offset;
    /** Vector of the event's text (search query, review), when the text encoder ran; else null. */
    public float[] textVector;

    public SourcedEvent() {}

    public SourcedEvent(UserEvent event, String topic, int partition, long offset) {
        this.event = event;
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
    }

    public String userId() {
        return event.getUserId();
    }
}
