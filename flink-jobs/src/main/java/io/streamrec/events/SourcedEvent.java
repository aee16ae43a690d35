package io.streamrec.events;

import io.streamrec.avro.UserEvent;

/**
 * A valid event and the record it came from, so later checks (duplicates) can still dead-letter it; or,
 * on the same keyed stream, a request to forget the user ({@link #forget} set, {@link #event} null).
 */
public class SourcedEvent {
    public UserEvent event;
    /** A request to forget the user instead of an event; null for an event. */
    public ForgetUser forget;
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

    /** A request to forget {@code request}'s user, from the record at {@code topic/partition/offset}. */
    public static SourcedEvent forget(ForgetUser request, String topic, int partition, long offset) {
        SourcedEvent in = new SourcedEvent(null, topic, partition, offset);
        in.forget = request;
        return in;
    }

    public String userId() {
        return forget != null ? forget.userId : event.getUserId();
    }
}
